using ContainerFactory.Agent.Hosting;
using ContainerFactory.Agent.Identity;

namespace ContainerFactory.Agent.Tests.Hosting;

public class TwinGateTests
{
    private static readonly ThingIdentity First = new("edge:device", "t1", "edge:device");
    private static readonly ThingIdentity Second = new("edge:other", "t2", "edge:other");
    private readonly List<string> _calls = [];

    private TwinGate Gate() => new(
        (identity, _) =>
        {
            _calls.Add($"publish {identity.ThingId}");
            return Task.CompletedTask;
        },
        identity => _calls.Add($"use {identity.ThingId}"));

    [Fact]
    public async Task PublishTwinAsync_BeforeOpen_OnlyHandsTheIdentityOn()
    {
        TwinGate gate = Gate();

        await gate.PublishTwinAsync(First, CancellationToken.None);

        Assert.Equal(["use edge:device"], _calls);
    }

    [Fact]
    public async Task OpenAsync_AfterConnects_PublishesTheLatestIdentityOnce()
    {
        TwinGate gate = Gate();
        await gate.PublishTwinAsync(First, CancellationToken.None);
        await gate.PublishTwinAsync(Second, CancellationToken.None);

        await gate.OpenAsync(CancellationToken.None);

        Assert.Equal(["use edge:device", "use edge:other", "publish edge:other"], _calls);
    }

    [Fact]
    public async Task OpenAsync_NoConnectYet_PublishesNothingAndLaterConnectsPublishAtOnce()
    {
        TwinGate gate = Gate();

        await gate.OpenAsync(CancellationToken.None);
        Assert.Empty(_calls);
        await gate.PublishTwinAsync(First, CancellationToken.None);

        Assert.Equal(["publish edge:device"], _calls);
    }
}
