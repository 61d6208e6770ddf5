using System.Globalization;
using ContainerFactory.Agent.Composition;
using ContainerFactory.Agent.Settings;

namespace ContainerFactory.Agent.Cli;

/// <summary>
/// <c>container-factory check [--timeout S]</c>: one line per thing the agent needs on this host (broker,
/// containerd, bridge, CNI plugins), <c>ok</c> or <c>FAIL</c> with the detail; exit 1 when anything fails.
/// </summary>
public static class CheckCommand
{
    /// <summary>Exit code when at least one item failed.</summary>
    public const int Failed = 1;

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private const string Help = """
        Usage: container-factory check [--timeout S]

        Checks, with the configuration the agent would run with, what it needs on this host; one line each:
          broker      TCP connect and an MQTT CONNECT (throwaway client id, clean session; TLS and credentials
                      as configured)
          containerd  the socket answers containerd's Version call; prints the version
          bridge      network.bridge: absent is fine (created on the first bridged start), a bridge is fine
                      (its IPv4 addresses are printed); an interface of that name that is not a bridge fails
          cni         bridge, host-local, portmap and loopback are executables in network.cniBinDir
        Exit 0 when every line is ok, 1 when any is FAIL, 2 on a usage or configuration error.

        Options:
          --timeout S   how long the broker and containerd may take to answer, in seconds (default 5)
          -h, --help    this help

        """;

    /// <summary>Runs the checks and prints one line each; exit 0 all ok, 1 any failed, 2 usage error.</summary>
    public static async Task<int> RunAsync(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!TryParseArgs(context, out TimeSpan timeout, out int exit))
        {
            return exit;
        }

        if (!context.TryLoadSettings(out AgentSettings settings))
        {
            return CliApp.UsageError;
        }

        Task<CheckResult> broker = HostChecks.BrokerAsync(settings.Mqtt, timeout, CancellationToken.None);
        Task<CheckResult> containerd = HostChecks.ContainerdAsync(RuntimeComposition.Containerd(settings), timeout, CancellationToken.None);
        CheckResult[] results =
        [
            await broker.ConfigureAwait(false),
            await containerd.ConfigureAwait(false),
            HostChecks.Bridge(settings.Network.Bridge),
            HostChecks.Cni(settings.Network.CniBinDir),
        ];
        foreach (CheckResult result in results)
        {
            context.Stdout.WriteLine(result);
        }

        return results.All(r => r.Ok) ? 0 : Failed;
    }

    private static bool TryParseArgs(CliContext context, out TimeSpan timeout, out int exit)
    {
        (timeout, exit) = (DefaultTimeout, CliApp.UsageError);
        string[] args = context.Args;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    context.Stdout.Write(Help + GlobalOptions.Help);
                    exit = 0;
                    return false;
                case "--timeout" when i + 1 < args.Length
                    && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
                    && seconds is > 0 and <= 3600:
                    timeout = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                default:
                    context.Stderr.WriteLine($"check: unexpected argument '{args[i]}'; see 'container-factory check --help'");
                    return false;
            }
        }

        return true;
    }
}
