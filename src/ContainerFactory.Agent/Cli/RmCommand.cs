using ContainerFactory.Agent.Containers;
using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Agent.Cli;

/// <summary><c>container-factory rm [--force] ID</c>: the Container feature's <c>remove</c> operation, run locally.</summary>
public static class RmCommand
{
    private const string Name = "rm";

    private const string Help = """
        Usage: container-factory rm [--force] ID|NAME

        Removes a container exactly as the cloud's remove operation does: its task, network (veth, address, port
        rules), snapshot, container record and files (hosts files, logs). A running or paused container is removed
        only with --force, which stops it first (SIGTERM, then SIGKILL after 30 s). Prints the id. Exit 0 when
        removed, 1 when it failed (the reason on standard error), 2 on a usage error.

        Options:
          -f, --force   stop a running or paused container first
          -h, --help    this help

        """;

    /// <summary>Runs the subcommand and returns the exit code.</summary>
    public static async Task<int> RunAsync(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? target = null;
        bool force = false;
        foreach (string arg in context.Args)
        {
            switch (arg)
            {
                case "-h" or "--help":
                    context.Stdout.Write(Help);
                    return 0;
                case "-f" or "--force":
                    force = true;
                    break;
                case var id when target is null && !id.StartsWith('-'):
                    target = id;
                    break;
                default:
                    return CliArgs.Usage(context, Name, $"unexpected argument '{arg}'");
            }
        }

        if (target is null)
        {
            return CliArgs.Usage(context, Name, "an ID is required");
        }

        (LocalContainers? local, int exit) = await LocalContainers.OpenAsync(context, Name).ConfigureAwait(false);
        using (local)
        {
            return local?.Find(target) is ContainerView view
                ? await local.OperateAsync(view, "remove", DittoValueKind.Boolean, force ? "true" : "false").ConfigureAwait(false)
                : local is null ? exit : 1;
        }
    }
}
