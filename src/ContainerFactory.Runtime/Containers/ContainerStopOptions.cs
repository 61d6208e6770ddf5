namespace ContainerFactory.Runtime.Containers;

/// <summary>How to stop a running container (kanto-protocol §7.4).</summary>
/// <param name="Signal">The signal sent first (15 = SIGTERM).</param>
/// <param name="Timeout">How long to wait for the exit after <paramref name="Signal"/>.</param>
/// <param name="Force">After the timeout, SIGKILL every process and wait again; without it a timeout is an error.</param>
public sealed record ContainerStopOptions(uint Signal, TimeSpan Timeout, bool Force)
{
    /// <summary>SIGKILL.</summary>
    public const uint Kill = 9;

    /// <summary>The default stop: SIGTERM, 30 s, no force.</summary>
    public static ContainerStopOptions Default { get; } = new(15, TimeSpan.FromSeconds(30), false);
}
