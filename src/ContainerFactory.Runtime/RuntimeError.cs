namespace ContainerFactory.Runtime;

/// <summary>
/// A failure as a value: one <see cref="RuntimeErrorKind"/> and a human-readable message that names the object
/// (image, socket, container id) and the cause. Messages are for people and logs, never for classification.
/// </summary>
/// <param name="Kind">The failure kind; the only thing callers branch on.</param>
/// <param name="Message">Non-empty text, e.g. <c>containerd not reachable at /run/containerd/containerd.sock</c>.</param>
public sealed record RuntimeError(RuntimeErrorKind Kind, string Message)
{
    /// <summary>Returns <c>Kind: Message</c>.</summary>
    public override string ToString() => $"{Kind}: {Message}";
}
