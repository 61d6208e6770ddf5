using ContainerFactory.IntegrationTests.Agent;

namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>
/// An <see cref="AgentStack"/> whose agents use a <see cref="PrivateContainerd"/> (same namespace name, bridge, broker
/// and folders), so that a test can cut the power of containerd and its containers. No agent is started up front.
/// Disposal stops the agents, cleans up the private containerd, then does everything <see cref="AgentStack"/> does.
/// </summary>
public sealed class RebootStack : AgentStack, IAsyncLifetime
{
    private readonly List<AgentProcess> _agents = [];

    protected override bool StartsAgent => false;

    internal PrivateContainerd Containerd { get; private set; } = null!;

    internal CtrClient Ctr => Containerd.Ctr(Namespace);

    /// <summary>Starts an agent on the private containerd; <paramref name="broker"/> overrides the stack's broker URL.</summary>
    internal async Task<AgentProcess> StartPrivateAgentAsync(string? broker = null, bool waitReady = true)
    {
        AgentProcess agent = await StartAgentAsync(Config() with { ContainerdSocket = Containerd.Socket, Broker = broker ?? Broker.Url }, waitReady);
        lock (_agents)
        {
            _agents.Add(agent);
        }

        return agent;
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Containerd = await PrivateContainerd.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        AgentProcess[] agents;
        lock (_agents)
        {
            agents = [.. _agents];
        }

        foreach (AgentProcess agent in agents)
        {
            await agent.StopAsync(); // before the cleanup, or a restart policy would fight it
        }

        IReadOnlyList<string> problems = Containerd is null ? [] : await Containerd.CleanUpAsync(Namespace);
        await DisposeAsync();
        Assert.True(problems.Count == 0, $"cleanup of the private containerd: {string.Join("; ", problems)}");
    }
}
