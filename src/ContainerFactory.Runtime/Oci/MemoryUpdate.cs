namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// A change of memory limits on an existing container (kanto-protocol §4.3 <c>update</c>): the body sent to its
/// running task and the edit of its stored spec. Pure.
/// </summary>
public static class MemoryUpdate
{
    /// <summary>A cgroup value meaning "no limit".</summary>
    public const long Unlimited = -1;

    /// <summary>
    /// The <c>LinuxResources</c> sent to the running task. runc leaves members that are absent (or 0) unchanged, so the
    /// limit and swap are always sent, <see cref="Unlimited"/> when not set, and the task ends up with exactly the new
    /// limits. The reservation is sent only when set: a reservation that is cleared stays on the task until its next
    /// start (-1 is not a valid reservation on every cgroup version).
    /// </summary>
    /// <param name="memory">The new limits; null = no memory limits.</param>
    public static OciResources ForTask(MemoryLimits? memory) => new()
    {
        Memory = new OciMemory(memory?.Limit ?? Unlimited, memory?.Reservation, memory?.Swap ?? Unlimited),
    };

    /// <summary>
    /// Replaces <c>linux.resources.memory</c> of a stored spec (removes it for no limits), so that the next start uses
    /// the new limits; a spec without resources and without new limits is returned unchanged.
    /// </summary>
    /// <param name="memory">The new limits; null or empty = no memory limits.</param>
    public static SpecOpt ForSpec(MemoryLimits? memory)
    {
        OciMemory? stored = memory is null || memory.IsEmpty ? null : new OciMemory(memory.Limit, memory.Reservation, memory.Swap);
        return spec => stored is null && spec.Linux?.Resources is null
            ? spec
            : spec.EditResources(r => r with { Memory = stored });
    }
}
