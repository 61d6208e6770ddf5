using System.Runtime.InteropServices;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Agent.Cli;

/// <summary>
/// <c>container-factory log-driver KEY VALUE…</c>: containerd's <c>binary://</c> log driver. The shim starts it with
/// the URI's query as argv pairs in random order, so the CLI recognizes it by the pair <c>log-driver ""</c> anywhere
/// among them (<see cref="LogDriverArgs.IsShimInvocation"/>); people use the subcommand form.
/// Sequence: parse → open fds 3/4/5 → start the copier → signal ready (fd 5) → wait for both pipes' end of file,
/// or for SIGTERM/SIGINT followed by at most <see cref="DrainTimeout"/> of draining → flush, fsync, exit 0.
/// </summary>
public static class LogDriverCommand
{
    /// <summary>
    /// How long to keep draining after SIGTERM. The shim closes its write ends before it signals, so the pipes
    /// normally end at once; the bound keeps us well inside the shim's 12 s before SIGKILL.
    /// </summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private const string Help = """
        Usage: container-factory log-driver KEY VALUE...

        containerd's binary:// log driver; containerd's shim starts it for every task the agent creates with
          binary://<this binary>?log-driver&driver=json-file&max-files=2&max-size=100M&root-dir=<dir>&mode=blocking
        and passes the query as KEY VALUE pairs in any order (a key without value gets ""). Not for people.

        Keys:
          log-driver ""            marks the invocation (wherever it is)
          driver json-file|none    default json-file
          max-files N              files kept including json.log, >= 1 (default 2)
          max-size SIZE            rotate json.log before a write once it holds SIZE (default 100M)
          root-dir DIR             absolute; lines go to DIR/$CONTAINER_ID/json.log
                                   (default /var/lib/container-factory/containers)
          mode blocking|non-blocking
          max-buffer-size SIZE     non-blocking ring buffer; the oldest lines are dropped when full (default 1M)
        SIZE is a number with unit B, K, M or G (base 1024), e.g. 1.5K.

        Environment: CONTAINER_ID, CONTAINER_NAMESPACE. Descriptors: 3 stdout pipe, 4 stderr pipe, 5 readiness.
        Lines: {"stream":"stdout","log":"...\n","time":"<RFC3339, 9 digits, UTC>"}; lines over 16 KiB are split.
        The driver's own problems go to DIR/$CONTAINER_ID/driver.log (its stderr is /dev/null).
        Exit: 0 after both pipes end or after SIGTERM; 2 on a usage error.

        """;

    /// <summary>True when the command line is this command: the subcommand, or the shim's pairs.</summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && (args[0] == LogDriverArgs.Marker || LogDriverArgs.IsShimInvocation(args));

    /// <summary>Runs the driver; <paramref name="args"/> is the whole command line.</summary>
    public static async Task<int> RunAsync(CliContext context, string[] args)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(args);
        string[] pairs = LogDriverArgs.IsShimInvocation(args) ? args : context.Args;
        if (pairs is ["-h" or "--help", ..])
        {
            context.Stdout.Write(Help);
            return 0;
        }

        string? id = Environment.GetEnvironmentVariable("CONTAINER_ID");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CONTAINER_NAMESPACE")))
        {
            context.Stderr.WriteLine("log-driver: CONTAINER_ID and CONTAINER_NAMESPACE must be set (containerd's shim sets them)");
            return CliApp.UsageError;
        }

        if (!ShimPipes.TryOpen(out ShimPipes? pipes, out string? pipeError))
        {
            context.Stderr.WriteLine($"log-driver: {pipeError}");
            return CliApp.UsageError;
        }

        using (pipes)
        {
            return await RunAsync(context.Stderr, pairs, id, pipes);
        }
    }

    private static async Task<int> RunAsync(TextWriter stderr, string[] pairs, string id, ShimPipes pipes)
    {
        // Invalid options still drain the pipes: a logger that exits would make the container's writers hit
        // EPIPE/SIGPIPE. The agent validates before it builds the URI, so this is defence in depth.
        int exitCode = 0;
        if (!LogDriverArgs.TryParse(pairs, out LogDriverOptions? options, out string? parseError))
        {
            stderr.WriteLine($"log-driver: {parseError}; discarding the output");
            options = LogDriverOptions.Default with { Driver = LogDriverType.None };
            exitCode = CliApp.UsageError;
        }

        // Handlers first: from the ready byte on, the shim may send SIGTERM at any time (Tasks/Delete).
        var terminated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Terminate);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Terminate);
        using LogCopier copier = Start(options, id, pipes);
        if (!pipes.TrySignalReady(out string? readyError))
        {
            _ = LogDriverDiagnostics.TryAppend(copier.Directory, readyError, DateTime.UtcNow);
        }

        if (await Task.WhenAny(copier.Completion, terminated.Task) != copier.Completion)
        {
            await Task.WhenAny(copier.Completion, Task.Delay(DrainTimeout));
        }

        return exitCode;

        void Terminate(PosixSignalContext signal)
        {
            signal.Cancel = true;
            terminated.TrySetResult();
        }
    }

    /// <summary>Starts the copier; when the log folder cannot be opened, records why and discards instead.</summary>
    private static LogCopier Start(LogDriverOptions options, string id, ShimPipes pipes)
    {
        if (LogCopier.Start(options, id, pipes.Stdout, pipes.Stderr, TimeProvider.System).TryGetValue(out LogCopier? copier, out RuntimeError? error))
        {
            return copier;
        }

        _ = LogDriverDiagnostics.TryAppend(options.DirectoryOf(id), $"{error.Message}; discarding the output", DateTime.UtcNow);
        LogDriverOptions discard = options with { Driver = LogDriverType.None };
        return LogCopier.Start(discard, id, pipes.Stdout, pipes.Stderr, TimeProvider.System).TryGetValue(out copier, out error)
            ? copier
            : throw new InvalidOperationException(error.Message);
    }
}
