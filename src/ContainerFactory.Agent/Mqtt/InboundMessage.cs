using System.Buffers;

namespace ContainerFactory.Agent.Mqtt;

/// <summary>
/// One MQTT message received. The payload is owned by the receiver (copied out of the client's buffer), and
/// <see cref="AcknowledgeAsync"/> sends the QoS 1 PUBACK: it is called once the message has been handled, so a
/// message the agent did not finish is redelivered by the broker (persistent session).
/// </summary>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="Payload">The payload.</param>
/// <param name="IsDuplicate">True when the broker marked it as a redelivery (DUP flag).</param>
/// <param name="AcknowledgeAsync">Sends the acknowledgement; safe to call more than once.</param>
public sealed record InboundMessage(
    string Topic, ReadOnlySequence<byte> Payload, bool IsDuplicate, Func<CancellationToken, Task> AcknowledgeAsync);
