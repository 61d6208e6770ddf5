using System.Security.Cryptography;

namespace ContainerFactory.Runtime.Images;

/// <summary>
/// Content digests in the OCI form <c>sha256:&lt;64 lowercase hex&gt;</c>. Only SHA-256 is accepted: it is what
/// registries and containerd 1.6 use for every manifest, config and layer. Pure.
/// </summary>
public static class ContentDigest
{
    /// <summary>The algorithm prefix, including the colon.</summary>
    public const string Sha256Prefix = "sha256:";

    /// <summary>True when the text is <c>sha256:</c> followed by exactly 64 lowercase hex digits.</summary>
    public static bool IsValid(string? digest)
    {
        if (digest is null || digest.Length != Sha256Prefix.Length + 64 || !digest.StartsWith(Sha256Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in digest.AsSpan(Sha256Prefix.Length))
        {
            if (!char.IsAsciiDigit(c) && c is < 'a' or > 'f')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the SHA-256 digest of the bytes in OCI form.</summary>
    public static string Sha256(ReadOnlySpan<byte> data) => Format(SHA256.HashData(data));

    /// <summary>Formats a 32-byte hash as <c>sha256:&lt;hex&gt;</c>.</summary>
    public static string Format(ReadOnlySpan<byte> hash) => Sha256Prefix + Convert.ToHexStringLower(hash);
}
