using ContainerFactory.IntegrationTests.Support;
using ContainerFactory.Runtime.Images;

namespace ContainerFactory.IntegrationTests.Images;

/// <summary>Our pulls and ctr's are interchangeable (PRODUCT.md §3: "indistinguishable from ctr image pull").</summary>
public sealed class InteropTests(ContainerdNamespace ns) : IClassFixture<ContainerdNamespace>
{
    private static TestEnvironment Env => TestEnvironment.Current;

    [Fact]
    public async Task CtrRun_ImageWePulled_PrintsTheHelloLine()
    {
        var pulled = await ns.Puller().PullAsync(ImageReference.Parse(Env["CF_IMAGE_HELLO"]).Value);
        Assert.True(pulled.IsSuccess, pulled.Error?.Message);

        var output = await Ctr.CheckedAsync(ns.Name, "run", "--rm", Env["CF_IMAGE_HELLO"], "id1");

        Assert.Equal(Env.HelloLine + "\n", output);
        Assert.Contains("complete (2/2)", await Ctr.CheckedAsync(ns.Name, "images", "check", $"name=={Env["CF_IMAGE_HELLO"]}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullAsync_ImageCtrPulled_DownloadsAndUnpacksNothing()
    {
        var unique = await UniqueImage.PushAsync(128 * 1024);
        await Ctr.CheckedAsync(ns.Name, "image", "pull", unique.Reference);

        var result = await ns.Puller().PullAsync(ImageReference.Parse(unique.Reference).Value);

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal((0L, 0, 0), (image.BytesFetched, image.BlobsFetched, image.LayersUnpacked));
        Assert.Equal(unique.DiffId, image.TopChainId);
        Assert.True((await new ImageCatalog(ns.Client).IsUnpackedAsync(unique.Reference)).Value);
        Assert.Empty((await ns.Client.Leases.ListAsync()).Value);
    }
}
