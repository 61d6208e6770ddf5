namespace ContainerFactory.Runtime.Containerd;

/// <summary>containerd's container store (Containers service) for the current namespace and lease.</summary>
public interface IContainerStore
{
    /// <summary>Creates the record; <see cref="RuntimeErrorKind.AlreadyExists"/> when the id is taken.</summary>
    Task<RuntimeResult<ContainerRecord>> CreateAsync(ContainerRecord container, CancellationToken cancellationToken = default);

    /// <summary>The record; <see cref="RuntimeErrorKind.NotFound"/> when there is none.</summary>
    Task<RuntimeResult<ContainerRecord>> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Records matching any of the containerd filter strings (all when empty).</summary>
    Task<RuntimeResult<IReadOnlyList<ContainerRecord>>> ListAsync(IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates the given fields (containerd field-mask paths such as <c>labels</c>, <c>labels.&lt;key&gt;</c>,
    /// <c>spec</c>, <c>extensions.&lt;name&gt;</c>, <c>image</c>) from <paramref name="container"/>; all mutable fields when empty.
    /// </summary>
    Task<RuntimeResult<ContainerRecord>> UpdateAsync(ContainerRecord container, IReadOnlyList<string>? fieldPaths = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the record. containerd does not check for a running task (notes §4.1): delete the task first or it is orphaned.
    /// </summary>
    Task<RuntimeResult> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
