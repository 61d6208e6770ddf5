using System.Globalization;
using ContainerFactory.Agent.Containers;
using ContainerFactory.Config.Containers;
using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Agent.Cli;

/// <summary><c>container-factory logs [--tail N] ID</c>: what the container wrote, from its json-file logs.</summary>
public static class LogsCommand
{
    private const string Name = "logs";

    private const string Help = """
        Usage: container-factory logs [--tail N] ID|NAME

        Prints what the container wrote to standard output and standard error, oldest first, from its json-file
        logs (the rotated files json.log.N … json.log.1, then json.log, under the log root: config.log.rootDir or
        <state>/containers). A container that has not run yet has no logs. Exit 0, 1 when there is no such container,
        it uses the 'none' log driver or the files cannot be read, 2 on a usage error.

        Options:
          -n, --tail N   only the last N lines
          -h, --help     this help

        """;

    /// <summary>Runs the subcommand and returns the exit code.</summary>
    public static async Task<int> RunAsync(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!TryParseArgs(context, out string target, out int? tail, out int exit))
        {
            return exit;
        }

        (LocalContainers? local, exit) = await LocalContainers.OpenAsync(context, Name).ConfigureAwait(false);
        using (local)
        {
            if (local?.Find(target) is not ContainerView view)
            {
                return local is null ? exit : 1;
            }

            if (view.Config.Log.Driver == LogDriver.None)
            {
                context.Stderr.WriteLine($"{Name}: container {view.Id} uses the none log driver: its output is not kept");
                return 1;
            }

            string directory = Path.Combine(ContainerMapping.ToLogDriver(view.Config.Log, local.Paths).RootDir, view.Id);
            return Print(context, directory, tail);
        }
    }

    private static int Print(CliContext context, string directory, int? tail)
    {
        try
        {
            IEnumerable<string> logs = JsonLogReader.ReadLogs(directory);
            if (tail is { } last)
            {
                var kept = new Queue<string>(Math.Min(last, 1024));
                foreach (string log in logs)
                {
                    if (kept.Count == last && !kept.TryDequeue(out _))
                    {
                        continue; // --tail 0
                    }

                    kept.Enqueue(log);
                }

                logs = kept;
            }

            foreach (string log in logs)
            {
                context.Stdout.Write(log);
            }

            context.Stdout.Flush();
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Stderr.WriteLine($"{Name}: cannot read the logs in {directory}: {e.Message}");
            return 1;
        }
    }

    private static bool TryParseArgs(CliContext context, out string target, out int? tail, out int exit)
    {
        (target, tail, exit) = ("", null, CliApp.UsageError);
        string? id = null;
        string[] args = context.Args;
        for (int i = 0; i < args.Length; i++)
        {
            if (CliArgs.IsOption(args, ref i, "--tail", out string? count) || CliArgs.IsOption(args, ref i, "-n", out count))
            {
                if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int lines))
                {
                    exit = CliArgs.Usage(context, Name, "--tail needs a number of lines");
                    return false;
                }

                tail = lines;
            }
            else if (args[i] is "-h" or "--help")
            {
                context.Stdout.Write(Help);
                exit = 0;
                return false;
            }
            else if (id is null && !args[i].StartsWith('-'))
            {
                id = args[i];
            }
            else
            {
                exit = CliArgs.Usage(context, Name, $"unexpected argument '{args[i]}'");
                return false;
            }
        }

        if (id is null)
        {
            exit = CliArgs.Usage(context, Name, "an ID is required");
            return false;
        }

        target = id;
        return true;
    }
}
