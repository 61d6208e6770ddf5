namespace ContainerFactory.Runtime.Network;

/// <summary>Another container as <c>container_&lt;hostname&gt;</c> resolution sees it.</summary>
/// <param name="ContainerId">Its id (for messages).</param>
/// <param name="BridgeAddress">Its IPv4 address on the bridge; null when it is connected but not to the bridge (host mode).</param>
public sealed record ContainerPeer(string ContainerId, string? BridgeAddress);
