namespace ContainerFactory.Runtime.Containerd;

/// <summary>containerd's image store (Images service) for the current namespace.</summary>
public interface IImageStore
{
    /// <summary>The image record; <see cref="RuntimeErrorKind.NotFound"/> when there is none of that name.</summary>
    Task<RuntimeResult<ImageRecord>> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Image records matching any of the containerd filter strings (all when empty).</summary>
    Task<RuntimeResult<IReadOnlyList<ImageRecord>>> ListAsync(IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default);

    /// <summary>Creates the record; <see cref="RuntimeErrorKind.AlreadyExists"/> when the name exists (then use <see cref="UpdateAsync"/>).</summary>
    Task<RuntimeResult<ImageRecord>> CreateAsync(ImageRecord image, CancellationToken cancellationToken = default);

    /// <summary>Replaces target and labels of an existing record (no field mask, like ctr's re-pull).</summary>
    Task<RuntimeResult<ImageRecord>> UpdateAsync(ImageRecord image, CancellationToken cancellationToken = default);

    /// <summary>Deletes the record; with <paramref name="sync"/> containerd collects garbage before answering.</summary>
    Task<RuntimeResult> DeleteAsync(string name, bool sync = false, CancellationToken cancellationToken = default);
}
