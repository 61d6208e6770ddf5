namespace ContainerFactory.Runtime.Logs;

/// <summary>
/// Everything the log driver process needs besides the container id, as it travels in the <c>binary://</c> URI
/// (<see cref="LogDriverUri"/>) and back out of the shim's argv (<see cref="LogDriverArgs"/>).
/// Defaults (<see cref="Default"/>) follow kanto-protocol §3.5.
/// </summary>
/// <param name="Driver">json-file (default) or none.</param>
/// <param name="MaxFiles">json-file: files kept including the current one, ≥ 1, default 2. 1 = truncate instead of rotating.</param>
/// <param name="MaxSize">json-file: a write that finds the file at ≥ this many bytes rotates it first; ≥ 1, default 104 857 600 (100M).</param>
/// <param name="RootDir">json-file: absolute folder holding <c>&lt;id&gt;/json.log</c>; default <see cref="DefaultRootDir"/>
/// (the agent passes <c>&lt;stateDir&gt;/containers</c>).</param>
/// <param name="Mode">blocking (default) or non-blocking.</param>
/// <param name="MaxBufferSize">non-blocking: ring buffer capacity in bytes of line content, ≥ 1, default 1 048 576 (1M); unused when blocking.</param>
public sealed record LogDriverOptions(
    LogDriverType Driver,
    int MaxFiles,
    long MaxSize,
    string RootDir,
    LogDeliveryMode Mode,
    long MaxBufferSize)
{
    /// <summary>The root folder when none is given: the default state folder's <c>containers</c> (PRODUCT.md §4).</summary>
    public const string DefaultRootDir = "/var/lib/container-factory/containers";

    /// <summary>json-file, 2 files of 100M under <see cref="DefaultRootDir"/>, blocking, 1M buffer.</summary>
    public static LogDriverOptions Default { get; } =
        new(LogDriverType.JsonFile, 2, 100L << 20, DefaultRootDir, LogDeliveryMode.Blocking, 1L << 20);

    /// <summary>The folder of one container's files: <c>&lt;RootDir&gt;/&lt;containerId&gt;</c>.</summary>
    public string DirectoryOf(string containerId) => Path.Combine(RootDir, containerId);
}
