using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Tests.Images;

public sealed class ChainIdTests
{
    // The worked example of containerd-notes §3.3 (test/bb:1), verified against ctr's snapshots.
    private const string Diff0 = "sha256:79d67eea4cf9f421e1fe9af429131cfedef6bf06aaf37c80663d8745de5d76e8";
    private const string Diff1 = "sha256:fca80dc5ef12908511fceca380a4e80322214fee4ec1bdf44844bee4ee15fed7";
    private const string Chain1 = "sha256:dfb93a354201f23628ac163243ad88d8d17b8ab27aa37e09c9fbb833150d3454";

    [Fact]
    public void Compute_TwoLayers_BaseIsItsDiffIdAndTopIsHashed()
    {
        var chains = ChainId.Compute([Diff0, Diff1]);

        Assert.Equal([Diff0, Chain1], chains);
    }

    [Fact]
    public void Compute_NoLayers_ReturnsEmpty()
    {
        Assert.Empty(ChainId.Compute([]));
    }

    [Fact]
    public void Next_WithoutParent_ReturnsTheDiffId()
    {
        Assert.Equal(Diff1, ChainId.Next(null, Diff1));
    }

    [Fact]
    public void Next_OnParent_HashesParentSpaceDiffId()
    {
        Assert.Equal(Chain1, ChainId.Next(Diff0, Diff1));
    }
}
