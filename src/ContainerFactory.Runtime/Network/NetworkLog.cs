using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Network;

/// <summary>Log events of container networking (event ids 1300–1399).</summary>
internal static partial class NetworkLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "cni {Plugin} {Command} for {ContainerId}: exit {ExitCode} in {ElapsedMs} ms")]
    public static partial void PluginRan(ILogger logger, string plugin, string command, string containerId, int exitCode, long elapsedMs);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "cni {Plugin} {Command} for {ContainerId} failed: {Error}")]
    public static partial void PluginFailed(ILogger logger, string plugin, string command, string containerId, string error);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "container {ContainerId} attached to {Bridge}: {Address}/{PrefixLength} via {Gateway}, {PortCount} port mapping(s)")]
    public static partial void Attached(ILogger logger, string containerId, string bridge, string address, int prefixLength, string gateway, int portCount);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "container {ContainerId} detached from the bridge network")]
    public static partial void Detached(ILogger logger, string containerId);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "ADD for {ContainerId} failed, undoing the partial attachment: {Error}")]
    public static partial void RollingBack(ILogger logger, string containerId, string error);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "container {ContainerId} has a stale attachment in {NetnsPath}; detaching it before a new ADD")]
    public static partial void StaleAttachment(ILogger logger, string containerId, string netnsPath);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Error, Message = "extra host \"{Entry}\" of container {ContainerId} skipped: {Reason}")]
    public static partial void ExtraHostSkipped(ILogger logger, string containerId, string entry, string reason);

    [LoggerMessage(EventId = 1307, Level = LogLevel.Information, Message = "bridge {Bridge} uses subnet {Subnet} gateway {Gateway} ({Source})")]
    public static partial void SubnetChosen(ILogger logger, string bridge, string subnet, string gateway, SubnetSource source);
}
