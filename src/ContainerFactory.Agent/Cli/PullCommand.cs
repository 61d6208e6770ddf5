using System.Globalization;
using System.Runtime.InteropServices;
using ContainerFactory.Agent.Composition;
using ContainerFactory.Agent.Logging;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Images;
using ContainerFactory.Runtime.Registry;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Cli;

/// <summary>
/// <c>container-factory pull [--platform P] [--quiet] IMAGE</c>: pulls and unpacks an image into the configured
/// containerd namespace exactly as <c>ctr image pull</c> does (preloading images before going offline).
/// </summary>
public static class PullCommand
{
    /// <summary>Exit code when interrupted (SIGINT/SIGTERM): 128 + SIGINT.</summary>
    public const int Interrupted = 130;

    private const string Help = """
        Usage: container-factory pull [--platform OS/ARCH[/VARIANT]] [--quiet] IMAGE

        Pulls IMAGE (e.g. alpine, docker.io/library/alpine:3.19, host:5000/app@sha256:…) into containerd and
        unpacks it, like 'ctr image pull': the result is usable by 'ctr run' and by the agent. Blobs and layers that
        are already there are reused; pulling a complete image again only asks the registry for the manifest.
        Mirrors, plain HTTP and credentials per registry come from the configuration file's "registries".
        Progress goes to standard error (one line per blob and layer); the image name and digest to standard output.
        Exit 0 when pulled, 1 on failure (the reason on standard error), 2 on a usage error, 130 when interrupted.

        Options:
          --platform P   platform to take from a multi-platform image (default: this host's, e.g. linux/amd64)
          -q, --quiet    no progress lines
          -h, --help     this help

        """;

    /// <summary>Runs the subcommand and returns the exit code.</summary>
    public static async Task<int> RunAsync(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!TryParseArgs(context, out var image, out var options, out var quiet, out var exit))
        {
            return exit;
        }

        if (!context.TryLoadSettings(out var settings))
        {
            return CliApp.UsageError;
        }

        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Cancel(c, interrupt));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Cancel(c, interrupt));
        using var logging = new StderrLoggerFactory(settings.Log.Level == "debug" ? LogLevel.Debug : LogLevel.Error, context.Stderr);
        using var containerd = new ContainerdClient(RuntimeComposition.Containerd(settings), logging);
        using var registry = new RegistryClient(RuntimeComposition.Registries(settings), loggerFactory: logging);
        var puller = new ImagePuller(containerd, registry, logging);
        try
        {
            var pulled = await puller.PullAsync(image, options, quiet ? null : new ProgressPrinter(context.Stderr), interrupt.Token).ConfigureAwait(false);
            if (!pulled.TryGetValue(out var result, out var error))
            {
                context.Stderr.WriteLine($"pull: {error.Message}");
                return 1;
            }

            context.Stdout.WriteLine($"{result.Name} {result.Target.Digest}");
            return 0;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            context.Stderr.WriteLine($"pull: interrupted; nothing of the pull of {image} was kept");
            return Interrupted;
        }
    }

    private static bool TryParseArgs(CliContext context, out ImageReference image, out PullOptions options, out bool quiet, out int exit)
    {
        (image, options, quiet, exit) = (null!, PullOptions.Default, false, CliApp.UsageError);
        string? reference = null;
        var args = context.Args;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? platformText = arg.StartsWith("--platform=", StringComparison.Ordinal) ? arg["--platform=".Length..]
                : arg == "--platform" && i + 1 < args.Length ? args[++i] : null;
            if (platformText is not null)
            {
                if (!Platform.TryParse(platformText, out var platform))
                {
                    context.Stderr.WriteLine($"pull: invalid platform '{platformText}' (expected os/arch[/variant], e.g. linux/arm64)");
                    return false;
                }

                options = options with { Platform = platform };
            }
            else if (arg is "-h" or "--help")
            {
                context.Stdout.Write(Help);
                exit = 0;
                return false;
            }
            else if (arg is "-q" or "--quiet")
            {
                quiet = true;
            }
            else if (reference is null && !arg.StartsWith('-'))
            {
                reference = arg;
            }
            else
            {
                context.Stderr.WriteLine($"pull: unexpected argument '{arg}'; see 'container-factory pull --help'");
                return false;
            }
        }

        return TryParseImage(context, reference, out image);
    }

    private static bool TryParseImage(CliContext context, string? reference, out ImageReference image)
    {
        image = null!;
        if (reference is null)
        {
            context.Stderr.WriteLine("pull: an IMAGE is required; see 'container-factory pull --help'");
            return false;
        }

        var parsed = ImageReference.Parse(reference);
        if (!parsed.TryGetValue(out image!, out var error))
        {
            context.Stderr.WriteLine($"pull: {error.Message}");
            return false;
        }

        return true;
    }

    private static void Cancel(PosixSignalContext signal, CancellationTokenSource interrupt)
    {
        signal.Cancel = true; // let the pull clean up and exit by itself
        interrupt.Cancel();
    }

    /// <summary>One line per blob and layer on standard error, written on the reporting thread (in order).</summary>
    private sealed class ProgressPrinter(TextWriter output) : IProgress<PullProgress>
    {
        private readonly Lock _gate = new();

        public void Report(PullProgress value)
        {
            var what = value.Stage switch
            {
                PullStage.Resolved => $"resolved {KindOf(value.Blob!)} {value.Blob!.Digest} ({Size(value.Blob.Size)})",
                PullStage.Downloaded => $"{KindOf(value.Blob!)} {Short(value.Blob!.Digest)}: downloaded {Size(value.Blob.Size)}",
                PullStage.Present => $"{KindOf(value.Blob!)} {Short(value.Blob!.Digest)}: already present",
                PullStage.Shared => $"{KindOf(value.Blob!)} {Short(value.Blob!.Digest)}: already in containerd's content store",
                PullStage.Unpacked => $"layer {Short(value.Blob!.Digest)}: unpacked",
                PullStage.AlreadyUnpacked => $"layer {Short(value.Blob!.Digest)}: already unpacked",
                _ => null, // Downloading: the per-blob lines are enough
            };
            if (what is null)
            {
                return;
            }

            lock (_gate)
            {
                output.WriteLine(value.Stage is PullStage.Resolved or PullStage.Unpacked or PullStage.AlreadyUnpacked
                    ? what
                    : $"{what}  [{Size(value.BytesDone)} / {Size(value.BytesTotal)}]");
            }
        }

        private static string KindOf(Descriptor blob) =>
            MediaTypes.IsIndex(blob.MediaType) ? "index"
            : MediaTypes.IsManifest(blob.MediaType) ? "manifest"
            : blob.MediaType is MediaTypes.OciConfig or MediaTypes.DockerConfig ? "config"
            : "layer";

        private static string Short(string digest) => digest.Length > 19 ? digest[..19] : digest;
    }

    /// <summary>Bytes as people read them: <c>512 B</c>, <c>1.4 KiB</c>, <c>5.0 MiB</c>, <c>1.2 GiB</c>.</summary>
    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.0} GiB"),
    };
}
