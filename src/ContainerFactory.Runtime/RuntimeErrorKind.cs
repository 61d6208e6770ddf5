namespace ContainerFactory.Runtime;

/// <summary>
/// The closed set of failure kinds every Runtime operation reports. The Agent maps each kind to a Ditto status
/// in one table; nothing classifies an error by its message text.
/// </summary>
public enum RuntimeErrorKind
{
    /// <summary>The object does not exist: containerd NOT_FOUND, or an image/manifest/blob the registry does not have.</summary>
    NotFound,

    /// <summary>containerd ALREADY_EXISTS (blob, image, container, snapshot with that key).</summary>
    AlreadyExists,

    /// <summary>containerd FAILED_PRECONDITION, e.g. deleting a running task or a call without namespace.</summary>
    FailedPrecondition,

    /// <summary>containerd UNAVAILABLE: the socket is missing or refuses (message <c>containerd not reachable at &lt;socket&gt;</c>),
    /// or the server is busy (a content ref locked by another writer).</summary>
    Unavailable,

    /// <summary>A malformed request: containerd INVALID_ARGUMENT/OUT_OF_RANGE, an unparsable image reference.</summary>
    InvalidArgument,

    /// <summary>The call's deadline passed before containerd or the registry answered.</summary>
    DeadlineExceeded,

    /// <summary>The registry (or containerd) refused the credentials, or no credentials were configured for a challenge.</summary>
    Unauthorized,

    /// <summary>Downloaded bytes do not match the descriptor's digest or size.</summary>
    DigestMismatch,

    /// <summary>No endpoint of the registry could be reached, or it answered with a server error.</summary>
    RegistryUnavailable,

    /// <summary>Anything else: containerd UNKNOWN/INTERNAL/UNIMPLEMENTED…, a malformed registry response.</summary>
    Internal,
}
