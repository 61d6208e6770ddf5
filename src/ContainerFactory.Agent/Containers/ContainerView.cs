using ContainerFactory.Agent.Twin;
using ContainerFactory.Config.Containers;

namespace ContainerFactory.Agent.Containers;

/// <summary>What the agent shows of one container: its config, creation time, state and the request it came from.</summary>
/// <param name="Config">The container config with defaults applied (the name is the current name).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="State">Its state.</param>
/// <param name="Request">The create request value it was made from (kept in containerd; rebuilds the config).</param>
/// <param name="CorrelationId">The correlation id of the create command; empty when created locally.</param>
public sealed record ContainerView(ContainerConfig Config, DateTimeOffset CreatedAt, ContainerState State, ReadOnlyMemory<byte> Request, string CorrelationId = "")
{
    /// <summary>The container id.</summary>
    public string Id => Config.Id;

    /// <summary>The twin feature id <c>Container:&lt;id&gt;</c>.</summary>
    public string FeatureId => Protocol.Ditto.DittoConstants.ContainerFeaturePrefix + Config.Id;
}
