using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>Log events of the containerd adapter (event ids 1000–1099).</summary>
internal static partial class ContainerdLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "containerd {Operation} failed: {Code} {Detail}")]
    public static partial void CallFailed(ILogger logger, string operation, StatusCode code, string detail);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "containerd not reachable at {Socket} ({Operation})")]
    public static partial void NotReachable(ILogger logger, string socket, string operation);
}
