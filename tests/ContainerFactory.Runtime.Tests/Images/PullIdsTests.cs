using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Tests.Images;

public sealed class PullIdsTests
{
    private const string Digest = "sha256:2cc5f1a7d4a4f8a10e6d3d0bb1e2e0c4d0b2a4d9e9a7b3c6d5e4f3a2b1c0d9e8";

    [Fact]
    public void Unique_FixedClock_IsNanosecondsOfTheSecondDashFourBase64UrlChars()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(7_213_904));

        var id = PullIds.Unique(time);

        Assert.Matches("^721390400-[A-Za-z0-9_-]{4}$", id);
    }

    [Fact]
    public void Unique_TwoCallsAtTheSameInstant_Differ()
    {
        var time = new FixedTime(DateTimeOffset.UnixEpoch);

        var ids = Enumerable.Range(0, 20).Select(_ => PullIds.Unique(time)).ToHashSet();

        Assert.True(ids.Count > 1);
    }

    [Fact]
    public void ExtractKey_UniqueAndChain_IsCtrsForm()
    {
        Assert.Equal("extract-937431453-FNYC sha256:79d6", PullIds.ExtractKey("937431453-FNYC", "sha256:79d6"));
    }

    [Theory]
    [InlineData(MediaTypes.OciManifest, "manifest-")]
    [InlineData(MediaTypes.DockerManifest, "manifest-")]
    [InlineData(MediaTypes.OciIndex, "index-")]
    [InlineData(MediaTypes.DockerManifestList, "index-")]
    [InlineData("application/vnd.oci.image.layer.v1.tar+gzip", "layer-")]
    [InlineData("application/vnd.oci.image.layer.v1.tar", "layer-")]
    [InlineData("application/vnd.docker.image.rootfs.diff.tar.gzip", "layer-")]
    [InlineData(MediaTypes.OciConfig, "config-")]
    [InlineData(MediaTypes.DockerConfig, "config-")]
    [InlineData("application/octet-stream", "unknown-")]
    public void IngestRef_MediaType_PrefixesDigestLikeCtr(string mediaType, string prefix)
    {
        Assert.Equal(prefix + Digest, PullIds.IngestRef(new Descriptor(mediaType, Digest, 1)));
    }

    [Fact]
    public void Expiry_OffsetTime_IsRfc3339UtcWholeSeconds()
    {
        var at = new DateTimeOffset(2026, 11, 30, 16, 35, 25, 987, TimeSpan.FromHours(1));

        Assert.Equal("2026-11-30T15:35:25Z", PullIds.Expiry(at));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
