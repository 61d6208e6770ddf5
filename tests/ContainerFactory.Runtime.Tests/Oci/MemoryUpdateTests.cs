using System.Text;
using ContainerFactory.Runtime.Oci;
using static ContainerFactory.Runtime.Tests.Oci.OciText;

namespace ContainerFactory.Runtime.Tests.Oci;

/// <summary>The task update body and the stored-spec edit of a memory update.</summary>
public sealed class MemoryUpdateTests
{
    [Fact]
    public void ForTask_AllThree_SendsThemInBytes()
    {
        var body = MemoryUpdate.ForTask(new MemoryLimits(64L << 20, 32L << 20, 128L << 20));

        Assert.Equal("""{"memory":{"limit":67108864,"reservation":33554432,"swap":134217728}}""", Text(body));
    }

    [Fact]
    public void ForTask_LimitOnly_SendsUnlimitedSwapAndNoReservation()
    {
        var body = MemoryUpdate.ForTask(new MemoryLimits(64L << 20, null, null));

        Assert.Equal("""{"memory":{"limit":67108864,"swap":-1}}""", Text(body));
    }

    [Fact]
    public void ForTask_NoLimits_SendsUnlimitedLimitAndSwap()
    {
        Assert.Equal("""{"memory":{"limit":-1,"swap":-1}}""", Text(MemoryUpdate.ForTask(null)));
    }

    [Fact]
    public void ForSpec_NewLimits_ReplaceTheMemoryAndKeepTheRest()
    {
        var seed = SpecOpts.Build(SpecOpts.WithCpuShares(512), SpecOpts.WithMemory(new MemoryLimits(100L << 20, null, 200L << 20)));

        var spec = MemoryUpdate.ForSpec(new MemoryLimits(64L << 20, null, -1))(seed);

        Assert.Equal("""{"ociVersion":"","linux":{"resources":{"memory":{"limit":67108864,"swap":-1},"cpu":{"shares":512}}}}""", Json(spec));
    }

    [Fact]
    public void ForSpec_NoLimits_RemovesTheMemory()
    {
        var seed = SpecOpts.Build(SpecOpts.WithCpuShares(512), SpecOpts.WithMemory(new MemoryLimits(100L << 20, null, 200L << 20)));

        Assert.Equal("""{"ociVersion":"","linux":{"resources":{"cpu":{"shares":512}}}}""", Json(MemoryUpdate.ForSpec(null)(seed)));
    }

    [Fact]
    public void ForSpec_NoLimitsOnASpecWithoutResources_Unchanged()
    {
        Assert.Same(OciSpec.Empty, MemoryUpdate.ForSpec(new MemoryLimits(null, null, null))(OciSpec.Empty));
    }

    private static string Text(OciResources resources) => Encoding.UTF8.GetString(OciSpecJson.SerializeResources(resources));
}
