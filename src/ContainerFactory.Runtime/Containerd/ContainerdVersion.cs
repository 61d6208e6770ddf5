namespace ContainerFactory.Runtime.Containerd;

/// <summary>What containerd's Version service reports.</summary>
/// <param name="Version">e.g. <c>1.6.20~ds1</c>.</param>
/// <param name="Revision">The build's revision string; may be empty.</param>
public sealed record ContainerdVersion(string Version, string Revision);
