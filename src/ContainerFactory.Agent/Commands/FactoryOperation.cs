using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;
using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Agent.Commands;

/// <summary>
/// The ContainerFactory feature's operations (kanto-protocol §3): decode the value, validate, apply defaults.
/// Decode failures are 400, validation failures 400 (PRODUCT.md §2.3), unknown operations 404.
/// </summary>
public static class FactoryOperation
{
    /// <summary>The <c>create</c> operation.</summary>
    public const string Create = "create";

    /// <summary>The <c>createWithConfig</c> operation.</summary>
    public const string CreateWithConfig = "createWithConfig";

    /// <summary>Reads <paramref name="operation"/> on the factory feature; <paramref name="reply"/> carries the outbox path.</summary>
    public static InboundResult Read(string operation, DittoEnvelope envelope, ReplyContext reply, InboundContext context)
    {
        // An absent or null value decodes like an empty object (Go's decoder leaves the zero value).
        ReadOnlySpan<byte> value = envelope.HasValue ? CommandReader.ToMemory(envelope.Value).Span : "{}"u8;
        return ReadValue(operation, value, reply, context.NewId);
    }

    /// <summary>
    /// Decodes, validates and defaults the <paramref name="value"/> of <paramref name="operation"/> exactly as a message
    /// from the cloud is (the local <c>create</c> command uses it too); <paramref name="newId"/> makes the container id.
    /// </summary>
    public static InboundResult ReadValue(string operation, ReadOnlySpan<byte> value, ReplyContext reply, Func<string> newId)
    {
        ArgumentNullException.ThrowIfNull(newId);
        if (operation is not (Create or CreateWithConfig))
        {
            return CommandReader.Reject(reply, CommandErrorKind.NotFound, $"unsupported operation {operation}");
        }

        bool decoded = operation == Create
            ? KantoDecoder.TryDecodeCreate(value, out CreateRequest? request, out ConfigError? error)
            : KantoDecoder.TryDecodeCreateWithConfig(value, out request, out error);
        if (!decoded || request is null)
        {
            return CommandReader.Reject(reply, CommandErrorKind.InvalidParameter, error?.Message ?? "the value cannot be decoded");
        }

        IReadOnlyList<ConfigIssue> issues = ContainerValidation.Validate(request);
        if (issues.Count > 0)
        {
            return new RejectedInbound(reply, InvalidConfig(issues));
        }

        string containerId = newId();
        ContainerConfig config = ContainerDefaults.Apply(containerId, request);
        return new AcceptedInbound(new CreateContainerCommand(reply, operation, containerId, request.ImageRef, request.Start, config, value.ToArray()));
    }

    /// <summary>
    /// The first issue (Kanto reports only the first failure) is the message; every further issue is listed in
    /// the description so that one round trip shows all of them.
    /// </summary>
    private static CommandError InvalidConfig(IReadOnlyList<ConfigIssue> issues)
    {
        string? description = issues.Count > 1 ? string.Join("; ", issues.Skip(1).Select(i => i.Format())) : null;
        return new CommandError(CommandErrorKind.InvalidConfig, issues[0].Format(), description);
    }
}
