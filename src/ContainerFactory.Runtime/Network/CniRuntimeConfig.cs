namespace ContainerFactory.Runtime.Network;

/// <summary>The <c>runtimeConfig</c> object injected into a plugin that enables the matching capability.</summary>
/// <param name="PortMappings">The <c>portMappings</c> capability argument, one entry per host port.</param>
public sealed record CniRuntimeConfig(IReadOnlyList<PortMapping>? PortMappings);
