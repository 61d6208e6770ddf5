using ContainerFactory.Agent.Composition;
using ContainerFactory.Agent.Logging;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Images;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Cli;

/// <summary><c>container-factory images [--quiet]</c>: the images of the configured containerd namespace.</summary>
public static class ImagesCommand
{
    private const string Name = "images";

    private const string Help = """
        Usage: container-factory images [--quiet]

        Lists the images of the configured containerd namespace (--namespace, default kanto-cm) sorted by name:
        NAME, DIGEST (the index or manifest the name points at), SIZE (the blobs this host's platform needs) and
        UNPACKED (yes when the layers are unpacked into snapshots, i.e. a container can start from it without
        the registry; 'incomplete' when blobs are missing). Exit 0, or 1 when containerd cannot be asked.

        Options:
          -q, --quiet   names only
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

        if (!context.TryLoadSettings(out var settings))
        {
            return CliApp.UsageError;
        }

        using var logging = new StderrLoggerFactory(settings.Log.Level == "debug" ? LogLevel.Debug : LogLevel.Error, context.Stderr);
        using var containerd = new ContainerdClient(RuntimeComposition.Containerd(settings), logging);
        var listed = await new ImageCatalog(containerd).ListAsync().ConfigureAwait(false);
        if (!listed.TryGetValue(out var images, out var error))
        {
            context.Stderr.WriteLine($"images: {error.Message}");
            return 1;
        }

        Print(images, quiet, context.Stdout);
        return 0;
    }

    private static void Print(IReadOnlyList<ImageSummary> images, bool quiet, TextWriter output)
    {
        if (quiet)
        {
            foreach (var image in images)
            {
                output.WriteLine(image.Name);
            }

            return;
        }

        string[][] rows =
        [
            ["NAME", "DIGEST", "SIZE", "UNPACKED"],
            .. images.Select(i => new[] { i.Name, i.Target.Digest, PullCommand.Size(i.Size), !i.Complete ? "incomplete" : i.Unpacked ? "yes" : "no" }),
        ];
        var widths = Enumerable.Range(0, 3).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine($"{row[0].PadRight(widths[0])}  {row[1].PadRight(widths[1])}  {row[2].PadLeft(widths[2])}  {row[3]}");
        }
    }
}
