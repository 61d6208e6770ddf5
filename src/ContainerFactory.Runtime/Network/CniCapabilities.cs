namespace ContainerFactory.Runtime.Network;

/// <summary>The capabilities a plugin declares (CNI CONVENTIONS.md); only <c>portMappings</c> is used.</summary>
/// <param name="PortMappings">True for portmap.</param>
public sealed record CniCapabilities(bool? PortMappings);
