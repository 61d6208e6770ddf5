using System.Globalization;
using ContainerFactory.Agent.Containers;
using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Agent.Cli;

/// <summary>
/// <c>container-factory stop [--timeout S] [--force] ID</c>: the Container feature's <c>stop</c> operation, or
/// <c>stopWithOptions</c> when an option is given, run locally.
/// </summary>
public static class StopCommand
{
    private const string Name = "stop";

    private const string Help = """
        Usage: container-factory stop [--timeout SECONDS] [--force] ID|NAME

        Stops a running or paused container exactly as the cloud's stop (no options) or stopWithOptions does: SIGTERM,
        then wait up to the timeout; with --force SIGKILL after the timeout, without it the stop fails when the
        container does not exit. Prints the id. Exit 0 when stopped, 1 when it failed (the reason on standard error,
        e.g. 'could not stop container with ID = … with SIGTERM'), 2 on a usage error.

        Options:
          -t, --timeout SECONDS   how long to wait after SIGTERM (default 30; 0 = the default)
          -f, --force             SIGKILL every process when the timeout passes
          -h, --help              this help

        """;

    /// <summary>Runs the subcommand and returns the exit code.</summary>
    public static async Task<int> RunAsync(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? target = null;
        long? timeout = null;
        bool force = false;
        string[] args = context.Args;
        for (int i = 0; i < args.Length; i++)
        {
            if (CliArgs.IsOption(args, ref i, "--timeout", out string? seconds) || CliArgs.IsOption(args, ref i, "-t", out seconds))
            {
                if (!long.TryParse(seconds, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed))
                {
                    return CliArgs.Usage(context, Name, "--timeout needs a whole number of seconds");
                }

                timeout = parsed;
            }
            else if (args[i] is "-h" or "--help")
            {
                context.Stdout.Write(Help);
                return 0;
            }
            else if (args[i] is "-f" or "--force")
            {
                force = true;
            }
            else if (target is null && !args[i].StartsWith('-'))
            {
                target = args[i];
            }
            else
            {
                return CliArgs.Usage(context, Name, $"unexpected argument '{args[i]}'");
            }
        }

        if (target is null)
        {
            return CliArgs.Usage(context, Name, "an ID is required");
        }

        (LocalContainers? local, int exit) = await LocalContainers.OpenAsync(context, Name).ConfigureAwait(false);
        using (local)
        {
            if (local?.Find(target) is not ContainerView view)
            {
                return local is null ? exit : 1;
            }

            return timeout is null && !force
                ? await local.OperateAsync(view, "stop", DittoValueKind.Absent, "").ConfigureAwait(false)
                : await local.OperateAsync(view, "stopWithOptions", DittoValueKind.Object, Options(force, timeout ?? 0)).ConfigureAwait(false);
        }
    }

    private static string Options(bool force, long timeout) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"force":{{(force ? "true" : "false")}},"timeout":{{timeout}}}""");
}
