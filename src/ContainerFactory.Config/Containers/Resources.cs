using ContainerFactory.Config.Sizes;

namespace ContainerFactory.Config.Containers;

/// <summary>Memory limits of a container; each size keeps the string the cloud sent and its value in bytes.</summary>
/// <param name="Memory">Hard memory limit, ≥ 3M when set; null = no limit.</param>
/// <param name="MemoryReservation">Soft limit, ≤ <paramref name="Memory"/> when both are set; null = none.</param>
/// <param name="MemorySwap">
/// Memory plus swap limit, ≥ <paramref name="Memory"/>; null = no swap limit. On create it defaults to twice
/// <paramref name="Memory"/> in Memory's unit, and the request value <c>"-1"</c> (unlimited) is stored as null.
/// </param>
public sealed record Resources(ByteSize? Memory, ByteSize? MemoryReservation, ByteSize? MemorySwap)
{
    /// <summary>No limits at all.</summary>
    public static Resources Unlimited { get; } = new(null, null, null);

    /// <summary>True when no limit is set.</summary>
    public bool IsUnlimited => Memory is null && MemoryReservation is null && MemorySwap is null;
}
