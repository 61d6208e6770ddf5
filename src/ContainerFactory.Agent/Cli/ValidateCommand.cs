using System.Buffers;
using System.Text.Json;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Config.Kanto;
using ContainerFactory.Protocol.Ditto;
using ContainerFactory.Protocol.Hono;

namespace ContainerFactory.Agent.Cli;

/// <summary>
/// <c>container-factory validate [--thing-id ID] [--topic TOPIC] [FILE|-]</c>: runs one Ditto message through
/// exactly the code the agent uses and prints the normalized command (exit 0) or the error reply (exit 1).
/// </summary>
public static class ValidateCommand
{
    private const string Help = """
        Usage: container-factory validate [--thing-id ID] [--topic TOPIC] [FILE|-]

        Reads one Ditto protocol message (the MQTT payload, as the cloud sends it) from FILE or standard input
        and runs it through the agent's command reader without touching containerd:
          valid   → prints the normalized command as JSON with every default filled in; exit 0
          invalid → prints the exact error reply the agent would send; the reply topic (or that no reply is
                    sent) goes to standard error; exit 1

        Options:
          --thing-id ID   the thing the agent serves (default: the thing the message's topic addresses)
          --topic TOPIC   the MQTT topic the message arrives on (default: command//<thing-id>/req//<operation>)
          -h, --help      this help

        """;

    /// <summary>Runs the subcommand; exit 0 valid, 1 invalid, 2 usage or unreadable input.</summary>
    public static int Run(CliContext context)
    {
        (string[] args, Stream stdin, TextWriter stdout, TextWriter stderr) = (context.Args, context.Stdin, context.Stdout, context.Stderr);
        string? thingId = context.Options.ThingId, topic = null, file = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    stdout.Write(Help);
                    return 0;
                case "--topic" when i + 1 < args.Length:
                    topic = args[++i];
                    break;
                case var arg when file is null && (arg == "-" || !arg.StartsWith('-')):
                    file = arg;
                    break;
                default:
                    stderr.WriteLine($"validate: unexpected argument '{args[i]}'");
                    return CliApp.UsageError;
            }
        }

        byte[] payload;
        try
        {
            payload = ReadInput(file, stdin);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"validate: cannot read {file}: {e.Message}");
            return CliApp.UsageError;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"validate: cannot read {file}: {e.Message}");
            return CliApp.UsageError;
        }

        return Validate(payload, thingId, topic, stdout, stderr);
    }

    private static byte[] ReadInput(string? file, Stream stdin)
    {
        if (file is null or "-")
        {
            using var copy = new MemoryStream();
            stdin.CopyTo(copy);
            return copy.ToArray();
        }

        return File.ReadAllBytes(file);
    }

    private static int Validate(byte[] payload, string? thingId, string? topic, TextWriter stdout, TextWriter stderr)
    {
        DittoEnvelope envelope = DittoEnvelopeReader.Read(payload);
        thingId ??= DittoThingId.TryFromTopic(envelope.Topic.GetString(), out DittoThingId thing) ? thing.ToString() : "unknown:unknown";
        topic ??= $"command//{thingId}/req//{DefaultCommand(envelope)}";

        // Offline there is no containerd: every Container:<id> feature is taken to exist.
        var context = new InboundContext(thingId, static _ => true, static () => Guid.NewGuid().ToString());
        switch (CommandReader.Read(topic, new ReadOnlySequence<byte>(payload), context))
        {
            case AcceptedInbound { Command: CreateContainerCommand create }:
                stdout.WriteLine(Normalized(create));
                return 0;
            case AcceptedInbound { Command: ContainerOperationCommand operation }:
                stdout.WriteLine(Routed(operation));
                return 0;
            case RejectedInbound rejected:
                DittoError error = DittoStatusTable.ToDitto(rejected.Error);
                stdout.WriteLine(System.Text.Encoding.UTF8.GetString(
                    rejected.Reply.Payload(error.Status, DittoValue.FromError(error)).Span));
                string? replyTopic = rejected.Reply.Route.TopicFor(error.Status);
                stderr.WriteLine(replyTopic is null
                    ? $"no reply would be published for {topic} (one-way: see response-required)"
                    : $"reply topic: {replyTopic}");
                return 1;
            case DroppedInbound dropped:
                stderr.WriteLine($"validate: {dropped.Reason}; the agent ignores such messages");
                return 1;
            default:
                throw new InvalidOperationException("unknown inbound result");
        }
    }

    private static string DefaultCommand(DittoEnvelope envelope)
    {
        string path = envelope.Path.GetString();
        return DittoPath.TryParseFeatureInbox(path, out _, out string operation) && operation.Length > 0 ? operation : "command";
    }

    private static string Normalized(CreateContainerCommand create)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CliJson.Pretty))
        {
            writer.WriteStartObject();
            writer.WriteString("operation", create.Operation);
            writer.WriteString("containerId", create.ContainerId);
            writer.WriteString("imageRef", create.ImageRef);
            writer.WriteString("name", create.Config.Name);
            writer.WriteBoolean("start", create.Start);
            writer.WritePropertyName("config");
            ContainerConfigJson.Write(writer, create.Config);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Routed(ContainerOperationCommand operation)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CliJson.Pretty))
        {
            writer.WriteStartObject();
            writer.WriteString("operation", operation.Operation);
            writer.WriteString("containerId", operation.ContainerId);
            if (operation.Value.Length > 0)
            {
                // The value may carry trailing commas: re-read it leniently and write it canonically.
                using JsonDocument value = JsonDocument.Parse(operation.Value, new JsonDocumentOptions { AllowTrailingCommas = true });
                writer.WritePropertyName("value");
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
