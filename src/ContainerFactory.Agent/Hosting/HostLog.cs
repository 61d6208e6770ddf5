using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Hosting;

/// <summary>Log events of the connection and command dispatch (event ids 100–199).</summary>
internal static partial class HostLog
{
    [LoggerMessage(100, LogLevel.Information, "ready: thing {ThingId}, tenant {TenantId}, broker {Broker}, containerd {Socket} (namespace {Namespace})")]
    public static partial void Ready(ILogger logger, string thingId, string tenantId, string broker, string socket, string @namespace);

    [LoggerMessage(101, LogLevel.Information, "connected to {Broker} (session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string broker, bool sessionPresent);

    [LoggerMessage(102, LogLevel.Warning, "cannot connect to {Broker}: {Reason}; retrying in {DelayMs} ms")]
    public static partial void ConnectFailed(ILogger logger, string broker, string reason, long delayMs);

    [LoggerMessage(103, LogLevel.Warning, "connection to {Broker} lost")]
    public static partial void Disconnected(ILogger logger, string broker);

    [LoggerMessage(104, LogLevel.Information, "waiting for the identity on edge/thing/response")]
    public static partial void WaitingForIdentity(ILogger logger);

    [LoggerMessage(105, LogLevel.Warning, "ignored identity answer: {Problem}")]
    public static partial void BadIdentity(ILogger logger, string problem);

    [LoggerMessage(106, LogLevel.Information, "identity: device {DeviceId}, tenant {TenantId}, thing {ThingId}")]
    public static partial void Identity(ILogger logger, string deviceId, string tenantId, string thingId);

    [LoggerMessage(107, LogLevel.Warning, "containerd not ready: {Reason}; retrying in {DelayMs} ms")]
    public static partial void ContainerdNotReady(ILogger logger, string reason, long delayMs);

    [LoggerMessage(110, LogLevel.Information, "message on {Topic} dropped: {Reason}")]
    public static partial void Dropped(ILogger logger, string topic, string reason);

    [LoggerMessage(111, LogLevel.Warning, "command rejected (correlation-id {CorrelationId}): {Message}")]
    public static partial void Rejected(ILogger logger, string correlationId, string message);

    [LoggerMessage(112, LogLevel.Information, "duplicate command (correlation-id {CorrelationId}): first reply sent again")]
    public static partial void Duplicate(ILogger logger, string correlationId);

    [LoggerMessage(113, LogLevel.Error, "command failed (correlation-id {CorrelationId})")]
    public static partial void CommandCrashed(ILogger logger, string correlationId, Exception exception);

    [LoggerMessage(114, LogLevel.Warning, "cannot publish on {Topic}: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(115, LogLevel.Information, "stopping: waiting up to {Seconds} s for {Count} command(s) in flight")]
    public static partial void Draining(ILogger logger, int seconds, int count);
}
