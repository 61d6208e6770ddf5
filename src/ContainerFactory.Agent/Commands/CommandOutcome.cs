using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Agent.Commands;

/// <summary>How an executed command ended: a value (200), no content (204) or an error.</summary>
public sealed record CommandOutcome
{
    private CommandOutcome(DittoValue value, CommandError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The success value; none for 204.</summary>
    public DittoValue Value { get; }

    /// <summary>The failure; null on success.</summary>
    public CommandError? Error { get; }

    /// <summary>A 200 with <paramref name="value"/>.</summary>
    public static CommandOutcome Ok(DittoValue value) => new(value, null);

    /// <summary>A 204.</summary>
    public static CommandOutcome NoContent { get; } = new(DittoValue.None, null);

    /// <summary>A failure.</summary>
    public static CommandOutcome Failed(CommandError error) => new(DittoValue.None, error);

    /// <summary>The reply for <paramref name="reply"/>; null when the command is one-way.</summary>
    public OutboundMessage? ToReply(ReplyContext reply) =>
        Error is not null ? reply.Failure(Error) : Value.HasValue ? reply.Success(Value) : reply.NoContent();
}
