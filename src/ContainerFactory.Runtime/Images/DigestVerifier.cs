using System.Security.Cryptography;

namespace ContainerFactory.Runtime.Images;

/// <summary>
/// Hashes content as it streams past and checks it against a descriptor's digest and size at the end, so a blob is
/// verified without being buffered. Not thread-safe; one instance per blob.
/// </summary>
public sealed class DigestVerifier : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly string _expectedDigest;
    private readonly long _expectedSize;
    private readonly string _subject;

    /// <summary>Starts verifying content that must hash to <paramref name="expectedDigest"/>.</summary>
    /// <param name="expectedDigest">Required <c>sha256:…</c> digest.</param>
    /// <param name="expectedSize">Expected length in bytes; negative to skip the size check.</param>
    /// <param name="subject">What the content is (image and blob), used in error messages.</param>
    public DigestVerifier(string expectedDigest, long expectedSize, string subject)
    {
        _expectedDigest = expectedDigest;
        _expectedSize = expectedSize;
        _subject = subject;
    }

    /// <summary>Bytes seen so far.</summary>
    public long Length { get; private set; }

    /// <summary>Adds the next chunk.</summary>
    public void Append(ReadOnlySpan<byte> chunk)
    {
        _hash.AppendData(chunk);
        Length += chunk.Length;
    }

    /// <summary>True when more bytes than the expected size have been seen (a stream to stop reading early).</summary>
    public bool IsOversized => _expectedSize >= 0 && Length > _expectedSize;

    /// <summary>
    /// Finishes the hash and compares. Returns <see cref="RuntimeErrorKind.DigestMismatch"/> naming the subject, the
    /// expected and the actual value; <see cref="RuntimeErrorKind.InvalidArgument"/> for a non-SHA-256 digest.
    /// </summary>
    public RuntimeResult Verify()
    {
        if (!ContentDigest.IsValid(_expectedDigest))
        {
            return new RuntimeError(RuntimeErrorKind.InvalidArgument, $"{_subject}: unsupported digest \"{_expectedDigest}\"");
        }

        if (_expectedSize >= 0 && Length != _expectedSize)
        {
            return new RuntimeError(RuntimeErrorKind.DigestMismatch,
                $"{_subject}: size mismatch: expected {_expectedSize} bytes, got {Length}");
        }

        var actual = ContentDigest.Format(_hash.GetHashAndReset());
        return actual == _expectedDigest
            ? RuntimeResult.Ok
            : new RuntimeError(RuntimeErrorKind.DigestMismatch, $"{_subject}: digest mismatch: expected {_expectedDigest}, got {actual}");
    }

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();
}
