using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Smoke;

/// <summary>The published native binary pulls into the test containerd, and ctr runs what it pulled.</summary>
[Trait("Category", "Smoke")]
public sealed class PublishedPullTests(ContainerdNamespace ns) : IClassFixture<ContainerdNamespace>
{
    [Fact]
    public async Task Pull_PublishedBinary_CtrRunsThePulledImage()
    {
        var env = TestEnvironment.Current;
        var image = env["CF_IMAGE_BUSYBOX"];

        var (code, stdout, stderr) = await NativeBinary.RunAsync(
            ["pull", "--containerd-socket", env.ContainerdSocket, "--namespace", ns.Name, image]);

        Assert.True(code == 0, stderr);
        Assert.Equal($"{image} {env["CF_IMAGE_BUSYBOX_DIGEST"]}\n", stdout);
        Assert.Equal("hi\n", await Ctr.CheckedAsync(ns.Name, "run", "--rm", image, "t1", "echo", "hi"));
    }
}
