using System.Diagnostics;

namespace ContainerFactory.IntegrationTests.Support;

/// <summary>Runs <c>ctr --address &lt;test containerd&gt; -n &lt;namespace&gt; …</c> (the interop reference) and captures its output.</summary>
internal static class Ctr
{
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string @namespace, params string[] args) =>
        RunAtAsync(TestEnvironment.Current.ContainerdSocket, @namespace, args);

    /// <summary>Runs ctr (≤ 60 s) against the containerd at <paramref name="address"/> and captures its output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAtAsync(string address, string @namespace, params string[] args)
    {
        var start = new ProcessStartInfo("ctr")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--address", address, "-n", @namespace, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close(); // `ctr run` attaches stdin: give it an immediate EOF, not the test host's
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
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
    public static Task<string> CheckedAsync(string @namespace, params string[] args) =>
        CheckedAtAsync(TestEnvironment.Current.ContainerdSocket, @namespace, args);

    /// <summary>Runs ctr against the containerd at <paramref name="address"/> and fails the test unless it exits 0.</summary>
    public static async Task<string> CheckedAtAsync(string address, string @namespace, params string[] args)
    {
        var (code, stdout, stderr) = await RunAtAsync(address, @namespace, args);
        Assert.True(code == 0, $"ctr {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }
}
