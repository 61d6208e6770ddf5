using ContainerFactory.Agent.Containers;
using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Agent.Cli;

/// <summary><c>container-factory start ID</c>: the Container feature's <c>start</c> operation, run locally.</summary>
public static class StartCommand
{
    private const string Name = "start";

    private const string Help = """
        Usage: container-factory start ID|NAME

        Starts a created, stopped or exited container exactly as the cloud's start operation does (network, log
        driver, task). Prints the id. Exit 0 when started, 1 when it failed (the reason on standard error, e.g.
        'the container with id = … is already running'), 2 on a usage error.

        Options:
          -h, --help   this help

        """;

    /// <summary>Runs the subcommand and returns the exit code.</summary>
    public static async Task<int> RunAsync(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!CliArgs.TryParseSingleId(context, Name, Help, out string target, out int usage))
        {
            return usage;
        }

        (LocalContainers? local, int exit) = await LocalContainers.OpenAsync(context, Name).ConfigureAwait(false);
        using (local)
        {
            return local?.Find(target) is ContainerView view
                ? await local.OperateAsync(view, "start", DittoValueKind.Absent, "").ConfigureAwait(false)
                : local is null ? exit : 1;
        }
    }
}
