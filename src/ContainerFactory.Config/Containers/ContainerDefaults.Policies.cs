using ContainerFactory.Config.Kanto;
using ContainerFactory.Config.Sizes;

namespace ContainerFactory.Config.Containers;

public static partial class ContainerDefaults
{
    private static readonly ByteSize DefaultMaxBufferSize = new("1M", 1L << 20);

    /// <summary>
    /// Restart policy: absent → unless-stopped. The retry count is kept; retryTimeout is truncated to whole seconds
    /// (saturating at the 64-bit range).
    /// </summary>
    public static RestartPolicy ToRestartPolicy(KantoRestartPolicy? wire)
    {
        if (wire is null)
        {
            return RestartPolicy.Default;
        }

        var kind = KantoNames.TryParse(wire.Type, out RestartPolicyKind parsed) ? parsed : RestartPolicyKind.UnlessStopped;
        return new RestartPolicy(kind, wire.MaxRetryCount ?? 0, TruncateToSeconds(wire.RetryTimeout ?? 0));
    }

    /// <summary>
    /// Log: absent → json-file, 2 files × 100M, blocking. json-file: maxFiles 0 → 2, maxSize "" → 100M; none: both
    /// cleared. Non-blocking: maxBufferSize "" → 1M; blocking: buffer cleared. rootDir "" → null.
    /// </summary>
    public static LogConfig ToLogConfig(KantoLogConfig? wire)
    {
        if (wire is null)
        {
            return LogConfig.Default;
        }

        var driver = KantoNames.TryParse(wire.Type, out LogDriver parsedDriver) ? parsedDriver : LogDriver.JsonFile;
        var mode = KantoNames.TryParse(wire.Mode, out LogMode parsedMode) ? parsedMode : LogMode.Blocking;
        var jsonFile = driver == LogDriver.JsonFile;
        return new LogConfig(
            driver,
            jsonFile ? (wire.MaxFiles is > 0 and var files ? files : LogConfig.Default.MaxFiles) : 0,
            jsonFile ? ToSize(wire.MaxSize) ?? LogConfig.Default.MaxSize : null,
            string.IsNullOrEmpty(wire.RootDir) ? null : wire.RootDir,
            mode,
            mode == LogMode.NonBlocking ? ToSize(wire.MaxBufferSize) ?? DefaultMaxBufferSize : null);
    }

    /// <summary>
    /// Resources: absent → unlimited; "" → not set; swap <c>-1</c> → null (no swap limit). With
    /// <paramref name="deriveSwap"/> (create), an empty swap next to a memory limit becomes 2 × memory in
    /// memory's unit (<c>500M</c> → <c>1000M</c>).
    /// </summary>
    public static Resources ToResources(KantoResources? wire, bool deriveSwap)
    {
        if (wire is null)
        {
            return Resources.Unlimited;
        }

        var memory = ToSize(wire.Memory);
        var swapText = wire.MemorySwap ?? "";
        if (deriveSwap && swapText.Length == 0 && memory is not null && ByteSize.TryDouble(memory.Text, out var doubled))
        {
            swapText = doubled;
        }

        return new Resources(memory, ToSize(wire.MemoryReservation), swapText == "-1" ? null : ToSize(swapText));
    }

    private static ByteSize? ToSize(string? text) => ByteSize.TryCreate(text, out var size) ? size : null;

    private static long TruncateToSeconds(double seconds) => seconds switch
    {
        >= 9.2233720368547758E18 => long.MaxValue,
        <= -9.2233720368547758E18 => long.MinValue,
        _ => (long)Math.Truncate(seconds),
    };
}
