using ContainerFactory.Agent.Settings;

namespace ContainerFactory.Agent.Cli;

/// <summary>The command line: one subcommand per file, each returning its exit code.</summary>
public static class CliApp
{
    /// <summary>Exit code of a usage error.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the subcommand named by <paramref name="args"/>[0] and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.Write(Usage);
            return args.Length == 0 ? UsageError : 0;
        }

        if (!GlobalOptions.TryExtract(args[1..], out GlobalOptions options, out string[] rest, out string? error))
        {
            stderr.WriteLine($"container-factory: {error}");
            return UsageError;
        }

        var context = new CliContext(rest, options, stdin, stdout, stderr);
        return args[0] switch
        {
            "version" or "--version" => VersionCommand.Run(context),
            "validate" => ValidateCommand.Run(context),
            "check" => await CheckCommand.RunAsync(context),
            "pull" => await PullCommand.RunAsync(context),
            "images" => await ImagesCommand.RunAsync(context),
            "run" => await RunCommand.RunAsync(context),
            "create" => await CreateCommand.RunAsync(context),
            "start" => await StartCommand.RunAsync(context),
            "stop" => await StopCommand.RunAsync(context),
            "rm" => await RmCommand.RunAsync(context),
            "ls" => await LsCommand.RunAsync(context),
            "inspect" => await InspectCommand.RunAsync(context),
            "logs" => await LogsCommand.RunAsync(context),
            _ when LogDriverCommand.Handles(args) => await LogDriverCommand.RunAsync(context, args),
            _ => Unknown(args[0], stderr),
        };
    }

    /// <summary>Synchronous form of <see cref="RunAsync"/> for callers without a loop.</summary>
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdin, stdout, stderr).GetAwaiter().GetResult();

    private static int Unknown(string name, TextWriter stderr)
    {
        stderr.WriteLine($"container-factory: unknown command '{name}'; see 'container-factory --help'");
        return UsageError;
    }

    /// <summary>The top-level help text.</summary>
    public const string Usage = """
        container-factory — manage containers on an edge gateway from the cloud (Eclipse Ditto over MQTT, containerd)

        Usage: container-factory COMMAND [options]

        Commands:
          run                 the agent: serve the cloud's commands over MQTT and manage containers on containerd
          log-driver …        containerd's binary:// log driver, started by containerd's shim (not for people)
          validate [FILE|-]   read one Ditto message (as it would arrive on MQTT) and print the normalized
                              command with every default (exit 0) or the exact error reply (exit 1)
          pull IMAGE          pull and unpack an image into containerd like 'ctr image pull' (progress on
                              standard error; name and digest on standard output)
          images              list the images of the containerd namespace: name, digest, size, unpacked
          create IMAGE        create a container on this gateway as the cloud's createWithConfig does
                              ([--name N] [--start] [--container-config FILE]); prints its id
          start ID            start a container
          stop ID             stop a container ([--timeout S] [--force])
          rm ID               remove a container ([--force] stops it first)
          ls                  list the containers: id, name, image, status, created
          inspect ID          print a container's status as its twin feature shows it
          logs ID             print what a container wrote ([--tail N])
          check               check what the agent needs on this host: broker, containerd, bridge, CNI plugins
                              (one ok/FAIL line each; exit 1 when any fails)
          version             print the version

        Run 'container-factory COMMAND --help' for a command's options.

        """ + GlobalOptions.Help;
}
