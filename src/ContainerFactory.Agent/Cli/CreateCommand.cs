using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Agent.Cli;

/// <summary>
/// <c>container-factory create [--name N] [--start] [--container-config FILE] IMAGE</c>: a createWithConfig typed on
/// the gateway, decoded, validated, defaulted and executed by the agent's own code.
/// </summary>
public static class CreateCommand
{
    private const string Name = "create";

    private const string Help = """
        Usage: container-factory create [--name NAME] [--start] [--container-config FILE] IMAGE

        Creates a container from IMAGE (pulled when it is not in containerd yet) exactly as the cloud's
        createWithConfig does: the value {"imageRef":IMAGE,"name":NAME,"start":…,"config":<FILE>} is decoded,
        validated and completed with every default by the agent's own code. Prints the new container's id on
        standard output. Exit 0 when created (and started with --start); 1 when the config is invalid or the create
        or the start failed (the message the agent would reply goes to standard error; a container that was created
        but did not start keeps its id on standard output); 2 on a usage error; 130 when interrupted.

        Options:
          --name NAME               container name (default: the id); letters, digits, _ . -
          --start                   start the container after creating it
          --container-config FILE   JSON file holding the "config" object of createWithConfig, e.g.
                                    {"portMappings":[{"hostPort":8080,"containerPort":80}],"env":["A=1"]}
          -h, --help                this help

        """;

    /// <summary>Runs the subcommand and returns the exit code.</summary>
    public static async Task<int> RunAsync(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!TryParseArgs(context, out byte[] value, out bool start, out int exit))
        {
            return exit;
        }

        ReplyContext reply = LocalContainers.NewReply();
        InboundResult read = FactoryOperation.ReadValue(FactoryOperation.CreateWithConfig, value, reply, static () => Guid.NewGuid().ToString());
        if (read is RejectedInbound rejected)
        {
            return LocalContainers.Fail(context, Name, rejected.Error);
        }

        var create = (CreateContainerCommand)((AcceptedInbound)read).Command;
        (LocalContainers? local, exit) = await LocalContainers.OpenAsync(context, Name).ConfigureAwait(false);
        if (local is null)
        {
            return exit;
        }

        using (local)
        {
            using var interrupt = new CancellationTokenSource();
            using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Cancel(c, interrupt));
            using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Cancel(c, interrupt));
            try
            {
                // Started as a separate step so that a failed start is reported (the agent only logs it, as Kanto).
                CommandOutcome created = await local.Containers.CreateAsync(create with { Start = false }, interrupt.Token).ConfigureAwait(false);
                if (created.Error is { } error)
                {
                    return local.Fail(error);
                }

                context.Stdout.WriteLine(create.ContainerId);
                return start ? await StartAsync(local, create.ContainerId, interrupt.Token).ConfigureAwait(false) : 0;
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                context.Stderr.WriteLine($"{Name}: interrupted");
                return PullCommand.Interrupted;
            }
        }
    }

    private static async Task<int> StartAsync(LocalContainers local, string id, CancellationToken cancellationToken)
    {
        var start = new ContainerOperationCommand(LocalContainers.NewReply(), id, "start", DittoValueKind.Absent, ReadOnlyMemory<byte>.Empty);
        CommandOutcome started = await local.Containers.ExecuteAsync(start, cancellationToken).ConfigureAwait(false);
        return started.Error is { } error ? local.Fail(error with { Message = $"container {id} was created but did not start: {error.Message}" }) : 0;
    }

    private static bool TryParseArgs(CliContext context, out byte[] value, out bool start, out int exit)
    {
        (value, start, exit) = ([], false, CliApp.UsageError);
        string? name = null, configFile = null, image = null;
        string[] args = context.Args;
        for (int i = 0; i < args.Length; i++)
        {
            if (CliArgs.IsOption(args, ref i, "--name", out string? nameValue))
            {
                if (nameValue is null)
                {
                    exit = CliArgs.Usage(context, Name, "--name needs a value");
                    return false;
                }

                name = nameValue;
            }
            else if (CliArgs.IsOption(args, ref i, "--container-config", out string? file))
            {
                if (file is null)
                {
                    exit = CliArgs.Usage(context, Name, "--container-config needs a file");
                    return false;
                }

                configFile = file;
            }
            else if (args[i] is "-h" or "--help")
            {
                context.Stdout.Write(Help);
                exit = 0;
                return false;
            }
            else if (args[i] == "--start")
            {
                start = true;
            }
            else if (image is null && !args[i].StartsWith('-'))
            {
                image = args[i];
            }
            else
            {
                exit = CliArgs.Usage(context, Name, $"unexpected argument '{args[i]}'");
                return false;
            }
        }

        if (image is null)
        {
            exit = CliArgs.Usage(context, Name, "an IMAGE is required");
            return false;
        }

        if (!TryReadConfig(context, configFile, out byte[]? config, out exit))
        {
            return false;
        }

        value = Build(image, name, start, config);
        return true;
    }

    private static bool TryReadConfig(CliContext context, string? file, out byte[]? config, out int exit)
    {
        (config, exit) = (null, CliApp.UsageError);
        if (file is null)
        {
            return true;
        }

        try
        {
            ReadOnlySpan<byte> bytes = File.ReadAllBytes(file);
            bytes = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
            if (bytes.Trim(" \t\r\n"u8).IsEmpty)
            {
                context.Stderr.WriteLine($"{Name}: {file} is empty; it must hold the config object, e.g. {{\"env\":[\"A=1\"]}}");
                return false;
            }

            config = bytes.ToArray();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Stderr.WriteLine($"{Name}: cannot read {file}: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// The createWithConfig value. The file is copied verbatim (not re-encoded) so that the agent's decoder judges it
    /// exactly as it would judge the cloud's message, trailing commas and errors alike.
    /// </summary>
    private static byte[] Build(string image, string? name, bool start, byte[]? config)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (config?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("imageRef", image);
            if (name is not null)
            {
                writer.WriteString("name", name);
            }

            writer.WriteBoolean("start", start);
            if (config is not null)
            {
                writer.WritePropertyName("config");
                writer.WriteRawValue(config, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Cancel(PosixSignalContext signal, CancellationTokenSource interrupt)
    {
        signal.Cancel = true; // let the create clean up and exit by itself
        interrupt.Cancel();
    }
}
