using System.Text.Json;
using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>
/// <c>ctr --address SOCKET -n NAMESPACE …</c> for one containerd (the shared test one or a private one), with readers
/// for what the recovery tests check: the tasks, a container's labels and its stored spec.
/// </summary>
internal sealed class CtrClient(string address, string @namespace)
{
    public string Address { get; } = address;

    public string Namespace { get; } = @namespace;

    /// <summary>Runs ctr (≤ 60 s) and returns its exit code and output.</summary>
    public Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => Ctr.RunAtAsync(Address, Namespace, args);

    /// <summary>Runs ctr and fails the test unless it exits 0; returns standard output.</summary>
    public Task<string> CheckedAsync(params string[] args) => Ctr.CheckedAtAsync(Address, Namespace, args);

    /// <summary>Every task of the namespace (<c>ctr tasks ls</c>) by container id.</summary>
    public async Task<IReadOnlyDictionary<string, TaskRow>> TasksAsync()
    {
        string listed = await CheckedAsync("tasks", "ls");
        var tasks = new Dictionary<string, TaskRow>(StringComparer.Ordinal);
        foreach (string line in listed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            string[] columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            tasks[columns[0]] = new TaskRow(long.Parse(columns[1], System.Globalization.CultureInfo.InvariantCulture), columns[2]);
        }

        return tasks;
    }

    /// <summary>A label of a container; null when it has none.</summary>
    public async Task<string?> LabelAsync(string containerId, string key)
    {
        using JsonDocument info = JsonDocument.Parse(await CheckedAsync("containers", "info", containerId));
        return info.RootElement.TryGetProperty("Labels", out JsonElement labels) && labels.TryGetProperty(key, out JsonElement value)
            ? value.GetString()
            : null;
    }

    /// <summary>The OCI spec stored with a container (<c>ctr containers info --spec</c>).</summary>
    public async Task<JsonElement> SpecAsync(string containerId)
    {
        using JsonDocument spec = JsonDocument.Parse(await CheckedAsync("containers", "info", "--spec", containerId));
        return spec.RootElement.Clone();
    }
}
