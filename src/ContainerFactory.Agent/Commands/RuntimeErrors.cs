using ContainerFactory.Runtime;

namespace ContainerFactory.Agent.Commands;

/// <summary>
/// The one place where runtime failures become command failures (PRODUCT.md §2.3): containerd unreachable is 503,
/// image and registry failures are 500 naming the image, everything else 500 — never by message text.
/// </summary>
public static class RuntimeErrors
{
    /// <summary>The command error for a runtime error.</summary>
    public static CommandError ToCommandError(RuntimeError error) => new(error.Kind switch
    {
        RuntimeErrorKind.Unavailable => CommandErrorKind.RuntimeUnavailable,
        RuntimeErrorKind.Unauthorized or RuntimeErrorKind.RegistryUnavailable or RuntimeErrorKind.DigestMismatch => CommandErrorKind.ImageUnavailable,
        _ => CommandErrorKind.Failed,
    }, error.Message);

    /// <summary>The command error of a failed image step: a NotFound there means the image is not in the registry.</summary>
    public static CommandError ImageError(RuntimeError error) =>
        error.Kind == RuntimeErrorKind.NotFound ? new CommandError(CommandErrorKind.ImageUnavailable, error.Message) : ToCommandError(error);
}
