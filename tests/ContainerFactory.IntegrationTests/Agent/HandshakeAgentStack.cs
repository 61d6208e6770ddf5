namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>An <see cref="AgentStack"/> whose tests start the agent themselves (e.g. without a configured identity).</summary>
public sealed class HandshakeAgentStack : AgentStack
{
    protected override bool StartsAgent => false;
}
