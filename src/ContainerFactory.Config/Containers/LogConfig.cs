using ContainerFactory.Config.Sizes;

namespace ContainerFactory.Config.Containers;

/// <summary>How container output is logged (kanto-protocol §3.4, §3.5, §7.6).</summary>
/// <param name="Driver">Log driver; default <see cref="LogDriver.JsonFile"/>.</param>
/// <param name="MaxFiles">json-file: files kept including the current one, ≥ 1, default 2; 0 for <see cref="LogDriver.None"/>.</param>
/// <param name="MaxSize">json-file: size at which the file is rotated, default <c>100M</c>; null for <see cref="LogDriver.None"/>.</param>
/// <param name="RootDir">json-file: absolute directory that holds <c>&lt;id&gt;/json.log</c>; null = the agent's state directory.</param>
/// <param name="Mode">Delivery mode; default <see cref="LogMode.Blocking"/>.</param>
/// <param name="MaxBufferSize">non-blocking: ring buffer size, default <c>1M</c>; null for <see cref="LogMode.Blocking"/>.</param>
public sealed record LogConfig(LogDriver Driver, int MaxFiles, ByteSize? MaxSize, string? RootDir, LogMode Mode, ByteSize? MaxBufferSize)
{
    /// <summary>The log configuration used when the request has none: json-file, 2 files of 100M, blocking.</summary>
    public static LogConfig Default { get; } =
        new(LogDriver.JsonFile, 2, new ByteSize("100M", 100L << 20), null, LogMode.Blocking, null);
}
