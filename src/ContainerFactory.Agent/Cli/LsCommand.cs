using System.Globalization;
using ContainerFactory.Agent.Containers;
using ContainerFactory.Agent.Twin;

namespace ContainerFactory.Agent.Cli;

/// <summary><c>container-factory ls [--quiet]</c>: the managed containers as the agent sees them.</summary>
public static class LsCommand
{
    private const string Name = "ls";

    private const string Help = """
        Usage: container-factory ls [--quiet]

        Lists the containers the agent manages in the configured containerd namespace, oldest first, in aligned
        columns: ID, NAME, IMAGE, STATUS (the twin's state: CREATED, RUNNING, PAUSED, STOPPED, EXITED, …) and
        CREATED (UTC). Exit 0, or 1 when containerd cannot be asked.

        Options:
          -q, --quiet   ids only
          -h, --help    this help

        """;

    /// <summary>Runs the subcommand and returns the exit code.</summary>
    public static async Task<int> RunAsync(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!CliArgs.TryParseQuiet(context, Name, Help, out bool quiet, out int usage))
        {
            return usage;
        }

        (LocalContainers? local, int exit) = await LocalContainers.OpenAsync(context, Name).ConfigureAwait(false);
        if (local is null)
        {
            return exit;
        }

        using (local)
        {
            ContainerView[] views = [.. local.Containers.Views.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id, StringComparer.Ordinal)];
            if (quiet)
            {
                foreach (ContainerView view in views)
                {
                    context.Stdout.WriteLine(view.Id);
                }

                return 0;
            }

            Print(views, context.Stdout);
            return 0;
        }
    }

    /// <summary>One row per container under a header; every column but the last padded to its widest cell.</summary>
    private static void Print(IEnumerable<ContainerView> views, TextWriter output)
    {
        string[][] rows =
        [
            ["ID", "NAME", "IMAGE", "STATUS", "CREATED"],
            .. views.Select(v => new[] { v.Id, v.Config.Name, v.Config.ImageRef, Status(v.State), Created(v.CreatedAt) }),
        ];
        int[] widths = [.. Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length))];
        foreach (string[] row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c < widths.Length ? cell.PadRight(widths[c]) : cell)));
        }
    }

    private static string Status(ContainerState state) =>
        state.Status is ContainerStatus.Exited or ContainerStatus.Stopped
            ? string.Create(CultureInfo.InvariantCulture, $"{state.Status.ToString().ToUpperInvariant()} ({state.ExitCode})")
            : state.Status.ToString().ToUpperInvariant();

    private static string Created(DateTimeOffset created) =>
        created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
