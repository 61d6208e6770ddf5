namespace ContainerFactory.Agent.Commands;

/// <summary>One MQTT message to publish: its topic and UTF-8 JSON payload.</summary>
public sealed record OutboundMessage(string Topic, ReadOnlyMemory<byte> Payload);
