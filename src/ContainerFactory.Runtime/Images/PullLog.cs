using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Images;

/// <summary>Log events of pulling and unpacking images (event ids 1200–1299).</summary>
internal static partial class PullLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "pulling {Image} under lease {Lease}")]
    public static partial void Started(ILogger logger, string image, string lease);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information,
        Message = "pulled {Image} {Digest}: {BytesFetched} bytes fetched, {LayersUnpacked} layers unpacked")]
    public static partial void Pulled(ILogger logger, string image, string digest, long bytesFetched, int layersUnpacked);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "pull of {Image} failed: {Error}")]
    public static partial void Failed(ILogger logger, string image, string error);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "ingest {Ref} is locked by another writer; retrying in {DelayMs} ms")]
    public static partial void IngestLocked(ILogger logger, string @ref, double delayMs);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "cleanup after the pull of {Image}: {What} failed: {Error}")]
    public static partial void CleanupFailed(ILogger logger, string image, string what, string error);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Debug, Message = "unpacked layer {Layer} of {Image} as {ChainId}")]
    public static partial void LayerUnpacked(ILogger logger, string image, string layer, string chainId);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Debug, Message = "pull of {Image} cancelled; cleaning up")]
    public static partial void Cancelled(ILogger logger, string image);
}
