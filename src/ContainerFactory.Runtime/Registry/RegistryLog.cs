using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Registry;

/// <summary>Log events of the registry client (event ids 1100–1199).</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "registry {Method} {Url} -> {Status}")]
    public static partial void Response(ILogger logger, string method, Uri url, int status);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "registry {Authority} asks for {Scheme} auth")]
    public static partial void Challenged(ILogger logger, string authority, string scheme);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "registry endpoint {Url} failed for {Image}: {Error}")]
    public static partial void EndpointFailed(ILogger logger, Uri url, string image, string error);
}
