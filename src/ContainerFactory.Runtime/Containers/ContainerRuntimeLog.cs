using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Containers;

/// <summary>Log events of the container life cycle (event ids 400–449).</summary>
internal static partial class ContainerRuntimeLog
{
    [LoggerMessage(400, LogLevel.Information, "container {ContainerId} created from {Image}")]
    public static partial void Created(ILogger logger, string containerId, string image);

    [LoggerMessage(401, LogLevel.Information, "container {ContainerId} started (pid {Pid})")]
    public static partial void Started(ILogger logger, string containerId, uint pid);

    [LoggerMessage(402, LogLevel.Information, "container {ContainerId} stopped (exit status {ExitStatus})")]
    public static partial void Stopped(ILogger logger, string containerId, uint exitStatus);

    [LoggerMessage(403, LogLevel.Information, "container {ContainerId} removed")]
    public static partial void Removed(ILogger logger, string containerId);

    [LoggerMessage(404, LogLevel.Warning, "container {ContainerId}: cleanup step {Step} failed: {Reason}")]
    public static partial void CleanupFailed(ILogger logger, string containerId, string step, string reason);
}
