using System.Collections.Concurrent;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Hosting;
using ContainerFactory.Agent.Identity;
using ContainerFactory.Agent.Settings;
using ContainerFactory.Agent.Tests.Support;
using ContainerFactory.Protocol.Ditto;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContainerFactory.Agent.Tests.Hosting;

public class AgentHostTests
{
    private readonly FakeTransport _transport = new();
    private readonly ConcurrentQueue<ThingIdentity> _twins = new();

    private AgentHost Host(IdentitySettings identity) => new(
        _transport,
        new AgentSettings { Identity = identity },
        new AgentFeatures(
            (_, _) => Task.FromResult(CommandOutcome.Ok(DittoValue.FromString("new-id"))),
            _ => false,
            (thing, _) =>
            {
                _twins.Enqueue(thing);
                return Task.CompletedTask;
            }),
        TimeProvider.System,
        NullLoggerFactory.Instance);

    [Fact]
    public async Task RunAsync_Handshake_SubscribesToTheLearnedThing()
    {
        AgentHost host = Host(new IdentitySettings());
        using var stop = new CancellationTokenSource();
        Task run = host.RunAsync(TimeSpan.FromSeconds(1), stop.Token);

        await CommandDispatcherTests.WaitUntil(() => _transport.Calls.Contains("publish edge/thing/request"));
        Assert.Equal("{\"topic\":\"\",\"headers\":null,\"path\":\"\"}", _transport.Published.Single().Payload);
        await _transport.DeliverAsync("edge/thing/response", "{\"deviceId\":\"edge:device\",\"tenantId\":\"t1\",\"policyId\":\"edge:policy\"}");
        ThingIdentity identity = await host.Ready.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(new ThingIdentity("edge:device", "t1", "edge:device:edge:containers", "edge:policy"), identity);
        Assert.Equal(
            ["connect", "subscribe edge/thing/response", "publish edge/thing/request", "subscribe command//edge:device:edge:containers/req/#"],
            _transport.Calls);
        Assert.Equal([identity], _twins);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("disconnect", _transport.Calls.Last());
    }

    [Fact]
    public async Task RunAsync_FirstConnectFails_RetriesThenServesConfiguredThing()
    {
        _transport.FailConnects = 2;
        AgentHost host = Host(new IdentitySettings(ThingId: "edge:device"));
        using var stop = new CancellationTokenSource();
        Task run = host.RunAsync(TimeSpan.FromSeconds(1), stop.Token);

        ThingIdentity identity = await host.Ready.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new ThingIdentity("edge:device", ThingIdentity.StandaloneTenant, "edge:device"), identity);
        Assert.Equal(["connect", "connect", "connect", "subscribe command//edge:device/req/#"], _transport.Calls);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RunAsync_Reconnect_ResubscribesAndRepublishesTheTwin()
    {
        AgentHost host = Host(new IdentitySettings(DeviceId: "edge:device", TenantId: "t1"));
        using var stop = new CancellationTokenSource();
        Task run = host.RunAsync(TimeSpan.FromSeconds(1), stop.Token);
        await host.Ready.WaitAsync(TimeSpan.FromSeconds(5));

        _transport.DropConnection();
        await CommandDispatcherTests.WaitUntil(() => _twins.Count == 2);

        Assert.Equal(
            ["connect", "subscribe command//edge:device:edge:containers/req/#", "connect", "subscribe command//edge:device:edge:containers/req/#"],
            _transport.Calls);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RunAsync_CommandForTheThing_IsAnswered()
    {
        AgentHost host = Host(new IdentitySettings(DeviceId: "edge:device", TenantId: "t1"));
        using var stop = new CancellationTokenSource();
        Task run = host.RunAsync(TimeSpan.FromSeconds(1), stop.Token);
        await host.Ready.WaitAsync(TimeSpan.FromSeconds(5));

        await _transport.DeliverAsync(
            "command//edge:device:edge:containers/req/r1/create",
            "{\"topic\":\"edge/device:edge:containers/things/live/messages/create\",\"headers\":{\"correlation-id\":\"c-1\",\"content-type\":\"application/json\"},\"path\":\"/features/ContainerFactory/inbox/messages/create\",\"value\":{\"imageRef\":\"hello-world\"}}",
            "r1");
        await CommandDispatcherTests.WaitUntil(() => _transport.Acknowledged.Contains("r1"));

        (string topic, string payload) = _transport.Published.Single();
        Assert.Equal("command//edge:device:edge:containers/res/r1/200", topic);
        Assert.Equal(
            "{\"topic\":\"edge/device:edge:containers/things/live/messages/create\",\"headers\":{\"content-type\":\"application/json\",\"correlation-id\":\"c-1\"},\"path\":\"/features/ContainerFactory/outbox/messages/create\",\"value\":\"new-id\",\"status\":200}",
            payload);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RunAsync_CommandBeforeTheIdentity_IsHeldAndAnsweredOnceItIsKnown()
    {
        AgentHost host = Host(new IdentitySettings());
        using var stop = new CancellationTokenSource();
        Task run = host.RunAsync(TimeSpan.FromSeconds(1), stop.Token);
        await CommandDispatcherTests.WaitUntil(() => _transport.Calls.Contains("publish edge/thing/request"));

        // A persistent session delivers queued commands right after the connect.
        await _transport.DeliverAsync(
            "command//edge:device:edge:containers/req/r1/create",
            "{\"topic\":\"edge/device:edge:containers/things/live/messages/create\",\"headers\":{\"correlation-id\":\"c-1\",\"content-type\":\"application/json\"},\"path\":\"/features/ContainerFactory/inbox/messages/create\",\"value\":{\"imageRef\":\"hello-world\"}}",
            "r1");
        Assert.Empty(_transport.Acknowledged);
        await _transport.DeliverAsync("edge/thing/response", "{\"deviceId\":\"edge:device\",\"tenantId\":\"t1\"}");
        await CommandDispatcherTests.WaitUntil(() => _transport.Acknowledged.Contains("r1"));

        Assert.Contains(_transport.Published, p => p.Topic == "command//edge:device:edge:containers/res/r1/200");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RunAsync_IdentityChangesWhileConnected_MovesTheSubscription()
    {
        AgentHost host = Host(new IdentitySettings());
        using var stop = new CancellationTokenSource();
        Task run = host.RunAsync(TimeSpan.FromSeconds(1), stop.Token);
        await CommandDispatcherTests.WaitUntil(() => _transport.Calls.Contains("publish edge/thing/request"));
        await _transport.DeliverAsync("edge/thing/response", "{\"deviceId\":\"ns:a\",\"tenantId\":\"t\"}");
        await host.Ready.WaitAsync(TimeSpan.FromSeconds(5));

        await _transport.DeliverAsync("edge/thing/response", "{\"deviceId\":\"ns:b\",\"tenantId\":\"t\"}");
        await _transport.DeliverAsync("edge/thing/response", "not json");

        Assert.Equal(
            ["unsubscribe command//ns:a:edge:containers/req/#", "subscribe command//ns:b:edge:containers/req/#"],
            _transport.Calls.Skip(4));
        Assert.Equal(["ns:a:edge:containers", "ns:b:edge:containers"], _twins.Select(t => t.ThingId));
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
