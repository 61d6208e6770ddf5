using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Containers;

/// <content>Resource limits of an existing container.</content>
public sealed partial class ContainerRuntime
{
    /// <summary>
    /// Replaces the container's memory limits: with <paramref name="live"/> on its running or paused task first
    /// (Tasks/Update, <see cref="MemoryUpdate.ForTask"/>), then in its stored spec (Containers/Update of <c>spec</c>)
    /// so that the next start uses them. When the task refuses the limits (e.g. a limit below the memory in use)
    /// that error is returned and the spec is left as it was.
    /// </summary>
    /// <param name="id">Container id.</param>
    /// <param name="memory">The new limits; null = no memory limits.</param>
    /// <param name="live">True when the container has a running or paused task.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<RuntimeResult> UpdateResourcesAsync(string id, MemoryLimits? memory, bool live, CancellationToken cancellationToken)
    {
        if (live)
        {
            byte[] body = OciSpecJson.SerializeResources(MemoryUpdate.ForTask(memory));
            RuntimeResult applied = await _containerd.Tasks.UpdateAsync(id, body, cancellationToken).ConfigureAwait(false);
            if (!applied.IsSuccess)
            {
                return applied;
            }
        }

        RuntimeResult<ContainerRecord> record = await _containerd.Containers.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (!record.TryGetValue(out ContainerRecord? container, out RuntimeError? error)
            || !OciSpecJson.Parse(container.Spec.Span).TryGetValue(out OciSpec? spec, out error))
        {
            return error;
        }

        byte[] changed = OciSpecJson.Serialize(MemoryUpdate.ForSpec(memory)(spec));
        RuntimeResult<ContainerRecord> updated = await _containerd.Containers
            .UpdateAsync(container with { Spec = changed }, ["spec"], cancellationToken).ConfigureAwait(false);
        return updated.WithoutValue();
    }
}
