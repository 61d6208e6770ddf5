namespace ContainerFactory.Runtime.Oci;

/// <summary>Memory cgroup limits in bytes; a null value is not written (the kernel default applies).</summary>
/// <param name="Limit">Hard limit, &gt; 0 (Kanto requires ≥ 3 MiB).</param>
/// <param name="Reservation">Soft limit, &gt; 0, ≤ <paramref name="Limit"/>.</param>
/// <param name="Swap">Memory plus swap, ≥ <paramref name="Limit"/>; -1 = unlimited swap.</param>
public sealed record MemoryLimits(long? Limit, long? Reservation, long? Swap)
{
    /// <summary>True when no value is set.</summary>
    public bool IsEmpty => Limit is null && Reservation is null && Swap is null;
}
