using System.Diagnostics.CodeAnalysis;

namespace ContainerFactory.Runtime.Images;

/// <summary>
/// A fully qualified image reference, normalized the way Docker does it:
/// <c>hello-world</c> → <c>docker.io/library/hello-world:latest</c>, <c>user/app</c> → <c>docker.io/user/app:latest</c>.
/// containerd itself does no defaulting (notes §2), so the image record name is always <see cref="ToString"/>.
/// </summary>
/// <param name="Registry">Registry host, optionally with <c>:port</c>; <c>docker.io</c> for Docker Hub.</param>
/// <param name="Repository">Lowercase path inside the registry, e.g. <c>library/hello-world</c>.</param>
/// <param name="Tag">The tag; null when only a digest was given. <c>latest</c> when neither was.</param>
/// <param name="Digest">The pinned digest (<c>sha256:…</c>); null when none was given.</param>
public sealed partial record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Docker Hub's canonical registry name.</summary>
    public const string DockerHub = "docker.io";

    /// <summary>The tag used when a reference names neither tag nor digest.</summary>
    public const string DefaultTag = "latest";

    /// <summary>Registry and repository: <c>docker.io/library/hello-world</c>.</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary>What the registry API is asked for: the digest when there is one, else the tag.</summary>
    public string Reference => Digest ?? Tag ?? DefaultTag;

    /// <summary>Returns the normalized reference: <c>registry/repository[:tag][@digest]</c>.</summary>
    public override string ToString() =>
        Name + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <summary>Parses and normalizes a reference. Never throws.</summary>
    /// <returns>The reference, or an <see cref="RuntimeErrorKind.InvalidArgument"/> error naming the input.</returns>
    public static RuntimeResult<ImageReference> Parse(string? text)
    {
        var problem = TryParseCore(text, out var reference);
        return problem is null
            ? reference!
            : new RuntimeError(RuntimeErrorKind.InvalidArgument, $"invalid image reference \"{text}\": {problem}");
    }

    /// <summary>Parses and normalizes a reference; false when it is not valid. Never throws.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference) =>
        TryParseCore(text, out reference) is null;
}
