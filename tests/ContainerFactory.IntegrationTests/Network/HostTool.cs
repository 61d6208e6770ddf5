using System.Diagnostics;

namespace ContainerFactory.IntegrationTests.Network;

/// <summary>Runs a host tool (ip, iptables-save, sysctl readers) with a deadline and returns its output.</summary>
internal static class HostTool
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
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
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within 10 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string NatRules() => Run("iptables-save", "-t", "nat").Stdout;

    public static string LinksOnBridge(string bridge) => Run("ip", "-o", "link", "show", "master", bridge).Stdout;

    public static bool LinkExists(string name) => Run("ip", "link", "show", "dev", name).ExitCode == 0;
}
