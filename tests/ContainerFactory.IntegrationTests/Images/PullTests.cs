using ContainerFactory.IntegrationTests.Support;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Images;
using ContainerFactory.Runtime.Registry;

namespace ContainerFactory.IntegrationTests.Images;

/// <summary>Pulls from the anonymous test registry into a real containerd: what ends up there, and the errors.</summary>
public sealed class PullTests(ContainerdNamespace ns) : IClassFixture<ContainerdNamespace>
{
    private static TestEnvironment Env => TestEnvironment.Current;

    private static ImageReference Ref(string text) => ImageReference.Parse(text).Value;

    [Fact]
    public async Task PullAsync_ByTag_RecordsUnpacksLabelsAndReleasesTheLease()
    {
        var result = await ns.Puller().PullAsync(Ref(Env["CF_IMAGE_BUSYBOX"]));

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal(Env["CF_IMAGE_BUSYBOX"], image.Name);
        Assert.Equal(Env["CF_IMAGE_BUSYBOX_DIGEST"], image.Target.Digest);
        Assert.Equal(2, image.Layers.Count);
        var record = (await ns.Client.Images.GetAsync(image.Name)).Value;
        Assert.Equal(image.Target, record.Target);
        Assert.Empty((await ns.Client.Leases.ListAsync()).Value);
        Assert.True((await new ImageCatalog(ns.Client).IsUnpackedAsync(image.Name)).Value);

        var manifest = (await ns.Client.Content.InfoAsync(image.Manifest.Digest)).Value.Labels;
        Assert.Equal(image.Config.Digest, manifest["containerd.io/gc.ref.content.config"]);
        Assert.Equal(image.Layers[0].Digest, manifest["containerd.io/gc.ref.content.l.0"]);
        Assert.Equal(image.Layers[1].Digest, manifest["containerd.io/gc.ref.content.l.1"]);
        Assert.Equal("library/busybox", manifest["containerd.io/distribution.source.127.0.0.1"]);
        var config = (await ns.Client.Content.InfoAsync(image.Config.Digest)).Value.Labels;
        Assert.Equal(image.TopChainId, config["containerd.io/gc.ref.snapshot.overlayfs"]);
        var top = (await ns.Client.Snapshots.StatAsync(image.TopChainId!)).Value;
        Assert.Equal(SnapshotKind.Committed, top.Kind);
        Assert.Equal(top.Parent, (await ns.Client.Content.InfoAsync(image.Layers[0].Digest)).Value.Labels["containerd.io/uncompressed"]);
    }

    [Fact]
    public async Task PullAsync_ByDigest_NamesTheRecordWithTheDigest()
    {
        var reference = $"{Env.Registry}/library/hello-world@{Env["CF_IMAGE_HELLO_DIGEST"]}";

        var result = await ns.Puller().PullAsync(Ref(reference));

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal(reference, image.Name);
        Assert.Equal(Env["CF_IMAGE_HELLO_DIGEST"], (await ns.Client.Images.GetAsync(reference)).Value.Target.Digest);
        Assert.True((await new ImageCatalog(ns.Client).IsUnpackedAsync(reference)).Value);
    }

    [Fact]
    public async Task PullAsync_DockerSchema2_StoresDockerMediaTypesAndUnpacks()
    {
        var result = await ns.Puller().PullAsync(Ref(Env["CF_IMAGE_WEB_DOCKER"]));

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal(Env["CF_IMAGE_WEB_DOCKER_DIGEST"], image.Target.Digest);
        Assert.Equal(MediaTypes.DockerManifest, image.Target.MediaType);
        Assert.Equal(MediaTypes.DockerConfig, image.Config.MediaType);
        Assert.All(image.Layers, l => Assert.Equal("application/vnd.docker.image.rootfs.diff.tar.gzip", l.MediaType));
        Assert.True((await new ImageCatalog(ns.Client).IsUnpackedAsync(image.Name)).Value);
    }

    [Fact]
    public async Task PullAsync_IndexListingArm64First_TakesTheHostsAmd64Manifest()
    {
        var result = await ns.Puller().PullAsync(Ref(Env["CF_IMAGE_MULTI"]));

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal(Env["CF_IMAGE_MULTI_DIGEST"], image.Target.Digest);
        Assert.Equal(MediaTypes.OciIndex, image.Target.MediaType);
        Assert.Equal(Env["CF_IMAGE_MULTI_AMD64_DIGEST"], image.Manifest.Digest);
        var index = (await ns.Client.Content.InfoAsync(image.Target.Digest)).Value.Labels;
        Assert.Equal(Env["CF_IMAGE_MULTI_ARM64_DIGEST"], index["containerd.io/gc.ref.content.m.0"]);
        Assert.Equal(Env["CF_IMAGE_MULTI_AMD64_DIGEST"], index["containerd.io/gc.ref.content.m.1"]);
        Assert.True((await new ImageCatalog(ns.Client).IsUnpackedAsync(image.Name, Platform.LinuxAmd64)).Value);
    }

    [Fact]
    public async Task PullAsync_IndexWithArm64Platform_TakesTheArm64Manifest()
    {
        var options = new PullOptions { Platform = Platform.LinuxArm64 };

        var result = await ns.Puller().PullAsync(Ref($"{Env.Registry}/test/multi@{Env["CF_IMAGE_MULTI_DIGEST"]}"), options);

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal(Env["CF_IMAGE_MULTI_ARM64_DIGEST"], image.Manifest.Digest);
        Assert.True((await new ImageCatalog(ns.Client).IsUnpackedAsync(image.Name, Platform.LinuxArm64)).Value);
    }

    [Fact]
    public async Task PullAsync_UnknownImage_ReturnsNotFoundNamingImageAndRegistryAndLeavesNoLease()
    {
        var result = await ns.Puller().PullAsync(Ref($"{Env.Registry}/test/missing:1"));

        Assert.Equal(RuntimeErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal($"image {Env.Registry}/test/missing:1 not found in {Env.Registry}", result.Error.Message);
        Assert.Empty((await ns.Client.Leases.ListAsync()).Value);
    }

    [Fact]
    public async Task PullAsync_RegistryUnreachable_ReturnsRegistryUnavailable()
    {
        var result = await ns.Puller().PullAsync(Ref("127.0.0.1:1/test/bb:1"));

        Assert.Equal(RuntimeErrorKind.RegistryUnavailable, result.Error!.Kind);
        Assert.StartsWith("registry 127.0.0.1:1 not reachable for image 127.0.0.1:1/test/bb:1", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullAsync_ContainerdUnreachable_ReturnsTheAdaptersUnavailable()
    {
        using var client = new ContainerdClient(ns.Options with { Socket = "/nonexistent/containerd.sock" });
        using var registry = new RegistryClient(new RegistryClientOptions());

        var result = await new ImagePuller(client, registry).PullAsync(Ref(Env["CF_IMAGE_HELLO"]));

        Assert.Equal(RuntimeErrorKind.Unavailable, result.Error!.Kind);
        Assert.Equal("containerd not reachable at /nonexistent/containerd.sock", result.Error.Message);
    }

    [Fact]
    public async Task ListAsync_AfterPulls_ListsEveryRecordWithDigestSizeAndUnpacked()
    {
        var hello = (await ns.Puller().PullAsync(Ref(Env["CF_IMAGE_HELLO"]))).Value;
        var web = (await ns.Puller().PullAsync(Ref(Env["CF_IMAGE_WEB"]))).Value;

        var images = (await new ImageCatalog(ns.Client).ListAsync()).Value;

        var listed = images.Where(i => i.Name == hello.Name || i.Name == web.Name).ToArray();
        Assert.Equal(
            [(hello.Name, hello.Target.Digest, hello.Size, true, true), (web.Name, web.Target.Digest, web.Size, true, true)],
            listed.Select(i => (i.Name, i.Target.Digest, i.Size, i.Unpacked, i.Complete)));
    }
}
