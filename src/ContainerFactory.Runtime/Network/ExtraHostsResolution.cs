namespace ContainerFactory.Runtime.Network;

/// <summary>The resolved extraHosts: the hosts lines to write, in configuration order, and the skipped entries.</summary>
/// <param name="Entries">Lines for the hosts file.</param>
/// <param name="Skipped">Entries left out, each with its reason; the caller logs them.</param>
public sealed record ExtraHostsResolution(IReadOnlyList<HostsEntry> Entries, IReadOnlyList<ExtraHostIssue> Skipped);
