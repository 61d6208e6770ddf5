using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Twin;

/// <summary>Log events of twin reporting (event ids 200–249).</summary>
internal static partial class TwinLog
{
    [LoggerMessage(200, LogLevel.Warning, "twin update on {Topic} not published: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string topic, string reason);
}
