using System.Diagnostics;
using System.Text.Json;

namespace ContainerFactory.IntegrationTests.Logs;

/// <summary>
/// The endpoints of build/env's test stack, read from the JSON file named by CF_ENV_FILE (default
/// &lt;repo&gt;/.state/env.json). A missing file or an unreachable containerd fails the test; nothing is skipped.
/// </summary>
internal sealed class StackEnvironment
{
    private readonly Dictionary<string, string> _values;

    private StackEnvironment(Dictionary<string, string> values) => _values = values;

    public string this[string key] =>
        _values.TryGetValue(key, out string? value) && value.Length > 0 ? value : throw new InvalidOperationException($"{key} missing from the env file");

    public static StackEnvironment Load()
    {
        string file = Environment.GetEnvironmentVariable("CF_ENV_FILE") is { Length: > 0 } named ? named : Path.Combine(RepoRoot(), ".state", "env.json");
        Assert.True(File.Exists(file), $"test stack env file {file} not found: run build/env/install.sh && build/env/up.sh");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
        var values = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        return new StackEnvironment(values);
    }

    /// <summary>Runs <c>ctr --address &lt;socket&gt; -n &lt;ns&gt; ARGS</c>; returns exit code and output.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> CtrAsync(string ns, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("ctr") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])["--address", this["CF_CONTAINERD_SOCKET"], "-n", ns, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"ctr {string.Join(' ', args)} did not finish within {timeout}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContainerFactory.Aot.sln")))
            {
                return dir.FullName;
            }
        }

        return "/work/main";
    }
}
