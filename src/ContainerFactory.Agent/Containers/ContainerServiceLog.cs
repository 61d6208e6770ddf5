using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Containers;

/// <summary>Log events of the container service (event ids 300–349).</summary>
internal static partial class ContainerServiceLog
{
    [LoggerMessage(300, LogLevel.Information, "container {ContainerId} exited with {ExitStatus} (oom killed: {OomKilled})")]
    public static partial void Exited(ILogger logger, string containerId, uint exitStatus, bool oomKilled);

    [LoggerMessage(301, LogLevel.Warning, "containerd event stream interrupted ({Reason}); re-subscribing")]
    public static partial void EventsInterrupted(ILogger logger, string reason);

    [LoggerMessage(302, LogLevel.Warning, "container {ContainerId}: start after create failed: {Reason}")]
    public static partial void StartFailed(ILogger logger, string containerId, string reason);

    [LoggerMessage(303, LogLevel.Warning, "container {ContainerId}: restart by its policy failed: {Reason}")]
    public static partial void RestartFailed(ILogger logger, string containerId, string reason);

    [LoggerMessage(304, LogLevel.Information, "container {ContainerId}: created outside the agent (e.g. by the local CLI); now managed")]
    public static partial void AdoptedCreate(ILogger logger, string containerId);

    [LoggerMessage(305, LogLevel.Information, "container {ContainerId}: started outside the agent, process {Pid}")]
    public static partial void AdoptedStart(ILogger logger, string containerId, uint pid);

    [LoggerMessage(306, LogLevel.Information, "container {ContainerId}: removed outside the agent")]
    public static partial void AdoptedDelete(ILogger logger, string containerId);
}
