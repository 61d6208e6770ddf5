namespace ContainerFactory.Runtime.Oci;

/// <summary>A host device made available in the container, with its cgroup permissions.</summary>
/// <param name="Node">The host node's facts.</param>
/// <param name="PathInContainer">Absolute path of the node in the container.</param>
/// <param name="Permissions">Device cgroup access, any of <c>r</c>, <c>w</c>, <c>m</c> (Kanto default <c>rwm</c>); passed to runc as is.</param>
public sealed record DeviceRule(DeviceNode Node, string PathInContainer, string Permissions);
