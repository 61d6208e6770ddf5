using System.Diagnostics;
using System.Text.Json;

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
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("ctr")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["--address", Address, "-n", Namespace, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ctr {string.Join(' ', args)} did not finish in 60 s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs ctr and fails the test unless it exits 0; returns standard output.</summary>
    public async Task<string> CheckedAsync(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);
        Assert.True(code == 0, $"ctr {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

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
