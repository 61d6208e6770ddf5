using System.Diagnostics;

namespace ContainerFactory.IntegrationTests.Support;

/// <summary>Runs the published native binary named by CF_BINARY (set by build/test.sh) and captures its output.</summary>
internal static class NativeBinary
{
    public static string Path
    {
        get
        {
            string? path = Environment.GetEnvironmentVariable("CF_BINARY");
            Assert.False(string.IsNullOrEmpty(path), "CF_BINARY must name the published binary (run through build/test.sh)");
            Assert.True(File.Exists(path), $"published binary not found at {path}; run 'make publish'");
            return path!;
        }
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, byte[]? stdin = null)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
