using System.Buffers;
using ContainerFactory.Protocol.Ditto;
using ContainerFactory.Protocol.Hono;

namespace ContainerFactory.Agent.Commands;

/// <summary>
/// Everything needed to answer one command: where the reply goes (or that none is sent), the request topic to
/// copy, the reply path and the correlation id (the request's, or a generated one when it had none).
/// </summary>
/// <param name="Route">The reply route of PRODUCT.md §2.2.</param>
/// <param name="DittoTopic">The Ditto topic written in the reply (the request's, or the unknown-thing error topic).</param>
/// <param name="Path">The reply path: outbox for operation results, the request path or <c>/</c> for envelope errors.</param>
/// <param name="CorrelationId">The correlation id written in the reply; never empty.</param>
public sealed record ReplyContext(ReplyRoute Route, string DittoTopic, string Path, string CorrelationId)
{
    /// <summary>The 200 reply carrying <paramref name="value"/>; null when the command is one-way.</summary>
    public OutboundMessage? Success(DittoValue value) => Build(200, value);

    /// <summary>The 204 reply (no value); null when the command is one-way.</summary>
    public OutboundMessage? NoContent() => Build(204, DittoValue.None);

    /// <summary>The error reply for <paramref name="error"/>; null when the command is one-way.</summary>
    public OutboundMessage? Failure(CommandError error)
    {
        DittoError ditto = DittoStatusTable.ToDitto(error);
        return Build(ditto.Status, DittoValue.FromError(ditto));
    }

    /// <summary>
    /// The reply payload for <paramref name="status"/>, written whether or not a reply is routed. An array of exactly
    /// its length: replies stay in the reply cache (up to 1024 of them, for redeliveries), and the JSON writer grows
    /// its buffer to over 4 KiB for a reply of a few hundred bytes.
    /// </summary>
    public ReadOnlyMemory<byte> Payload(int status, DittoValue value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        DittoWriter.WriteResponse(buffer, new DittoResponse(DittoTopic, Path, CorrelationId, status, value));
        return buffer.WrittenSpan.ToArray();
    }

    private OutboundMessage? Build(int status, DittoValue value)
    {
        string? topic = Route.TopicFor(status);
        return topic is null ? null : new OutboundMessage(topic, Payload(status, value));
    }
}
