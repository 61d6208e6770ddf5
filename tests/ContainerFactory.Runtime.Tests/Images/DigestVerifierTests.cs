using System.Text;
using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Tests.Images;

public sealed class DigestVerifierTests
{
    // sha256("hello from layer 2\n")
    private static readonly byte[] Content = Encoding.ASCII.GetBytes("hello from layer 2\n");
    private static readonly string ContentDigestText = ContentDigest.Sha256(Content);

    [Fact]
    public void Sha256_EmptyInput_IsKnownDigest()
    {
        Assert.Equal("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentDigest.Sha256([]));
    }

    [Fact]
    public void Verify_ContentSplitAtEveryOffset_Succeeds()
    {
        for (var split = 0; split <= Content.Length; split++)
        {
            using var verifier = new DigestVerifier(ContentDigestText, Content.Length, "blob");
            verifier.Append(Content.AsSpan(0, split));
            verifier.Append(Content.AsSpan(split));

            Assert.True(verifier.Verify().IsSuccess, $"split at {split}");
        }
    }

    [Fact]
    public void Verify_AlteredByte_ReturnsDigestMismatchWithBothDigests()
    {
        var altered = (byte[])Content.Clone();
        altered[3] ^= 1;
        using var verifier = new DigestVerifier(ContentDigestText, Content.Length, "blob x of image y");
        verifier.Append(altered);

        Assert.True(verifier.Verify().IsFailure(out var error));
        Assert.Equal(RuntimeErrorKind.DigestMismatch, error.Kind);
        Assert.Equal($"blob x of image y: digest mismatch: expected {ContentDigestText}, got {ContentDigest.Sha256(altered)}", error.Message);
    }

    [Fact]
    public void Verify_ShortContent_ReturnsSizeMismatch()
    {
        using var verifier = new DigestVerifier(ContentDigestText, Content.Length, "blob");
        verifier.Append(Content.AsSpan(1));

        Assert.True(verifier.Verify().IsFailure(out var error));
        Assert.Equal(RuntimeErrorKind.DigestMismatch, error.Kind);
        Assert.Equal($"blob: size mismatch: expected {Content.Length} bytes, got {Content.Length - 1}", error.Message);
    }

    [Fact]
    public void IsOversized_MoreThanExpected_IsTrue()
    {
        using var verifier = new DigestVerifier(ContentDigestText, 2, "blob");
        verifier.Append(Content.AsSpan(0, 2));
        Assert.False(verifier.IsOversized);
        verifier.Append(Content.AsSpan(2, 1));
        Assert.True(verifier.IsOversized);
    }

    [Fact]
    public void Verify_NonSha256Digest_ReturnsInvalidArgument()
    {
        using var verifier = new DigestVerifier("sha512:abc", -1, "blob");

        Assert.True(verifier.Verify().IsFailure(out var error));
        Assert.Equal(RuntimeErrorKind.InvalidArgument, error.Kind);
    }

    [Theory]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", true)]
    [InlineData("sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", false)]
    [InlineData("sha256:e3b0", false)]
    [InlineData("sha512:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", false)]
    [InlineData(null, false)]
    public void IsValid_Table(string? digest, bool valid) => Assert.Equal(valid, ContentDigest.IsValid(digest));
}
