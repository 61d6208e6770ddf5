using ContainerFactory.IntegrationTests.Agent;

namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>An <see cref="AgentStack"/> that also removes its namespace's cgroup folders when disposed.</summary>
public class RecoveryStack : AgentStack, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        NamespaceCgroups.Remove(Namespace);
    }
}
