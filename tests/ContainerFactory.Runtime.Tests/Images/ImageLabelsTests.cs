using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Tests.Images;

public sealed class ImageLabelsTests
{
    private static readonly string Config = "sha256:" + new string('c', 64);
    private static readonly string Layer0 = "sha256:" + new string('0', 64);
    private static readonly string Layer1 = "sha256:" + new string('1', 64);

    [Fact]
    public void ManifestChildren_TwoLayers_LabelsConfigAndEachLayer()
    {
        var manifest = new ImageManifest(2, MediaTypes.OciManifest, new Descriptor(MediaTypes.OciConfig, Config, 10),
            [new Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", Layer0, 1), new Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", Layer1, 2)]);

        var labels = ImageLabels.ManifestChildren(manifest);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["containerd.io/gc.ref.content.config"] = Config,
                ["containerd.io/gc.ref.content.l.0"] = Layer0,
                ["containerd.io/gc.ref.content.l.1"] = Layer1,
            },
            labels);
    }

    [Fact]
    public void IndexChildren_TwoEntries_LabelsEveryEntryInOrder()
    {
        var index = new ImageIndex(2, MediaTypes.OciIndex,
            [new Descriptor(MediaTypes.OciManifest, Layer1, 1), new Descriptor(MediaTypes.OciManifest, Layer0, 1)]);

        var labels = ImageLabels.IndexChildren(index);

        Assert.Equal(
            new Dictionary<string, string> { ["containerd.io/gc.ref.content.m.0"] = Layer1, ["containerd.io/gc.ref.content.m.1"] = Layer0 },
            labels);
    }

    [Theory]
    [InlineData("127.0.0.1:5000", "containerd.io/distribution.source.127.0.0.1")]
    [InlineData("docker.io", "containerd.io/distribution.source.docker.io")]
    [InlineData("registry.example.com:443", "containerd.io/distribution.source.registry.example.com")]
    [InlineData("[::1]:5000", "containerd.io/distribution.source.::1")]
    [InlineData("localhost", "containerd.io/distribution.source.localhost")]
    public void DistributionSourceKey_Registry_UsesHostWithoutPort(string registry, string expected)
    {
        Assert.Equal(expected, ImageLabels.DistributionSourceKey(registry));
    }

    [Theory]
    [InlineData(null, "test/bb", "test/bb")]
    [InlineData("", "test/bb", "test/bb")]
    [InlineData("test/bb", "test/bb", "test/bb")]
    [InlineData("test/bb", "library/busybox", "library/busybox,test/bb")]
    [InlineData("z/z,a/a", "m/m", "a/a,m/m,z/z")]
    public void MergeSource_Existing_SortedDeduplicatedCommaJoined(string? existing, string repository, string expected)
    {
        Assert.Equal(expected, ImageLabels.MergeSource(existing, repository));
    }

    [Fact]
    public void Changes_LabelsAlreadyThere_ReturnsEmpty()
    {
        var existing = new Dictionary<string, string>
        {
            ["containerd.io/distribution.source.127.0.0.1"] = "library/busybox,test/bb",
            ["containerd.io/uncompressed"] = Layer0,
        };
        var wanted = new Dictionary<string, string>
        {
            ["containerd.io/distribution.source.127.0.0.1"] = "test/bb",
            ["containerd.io/uncompressed"] = Layer0,
        };

        Assert.Empty(ImageLabels.Changes(existing, wanted));
    }

    [Fact]
    public void Changes_MissingAndDifferent_ReturnsOnlyThoseWithSourceMerged()
    {
        var existing = new Dictionary<string, string>
        {
            ["containerd.io/distribution.source.127.0.0.1"] = "test/bb",
            ["containerd.io/gc.ref.snapshot.overlayfs"] = Layer0,
            ["keep"] = "me",
        };
        var wanted = new Dictionary<string, string>
        {
            ["containerd.io/distribution.source.127.0.0.1"] = "library/busybox",
            ["containerd.io/gc.ref.snapshot.overlayfs"] = Layer1,
        };

        var changes = ImageLabels.Changes(existing, wanted);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["containerd.io/distribution.source.127.0.0.1"] = "library/busybox,test/bb",
                ["containerd.io/gc.ref.snapshot.overlayfs"] = Layer1,
            },
            changes);
    }

    [Fact]
    public void SnapshotGcKey_Overlayfs_IsCtrsLabel()
    {
        Assert.Equal("containerd.io/gc.ref.snapshot.overlayfs", ImageLabels.SnapshotGcKey("overlayfs"));
    }
}
