namespace ContainerFactory.Runtime.Network;

/// <summary>The outcome of <see cref="ContainerNetworking.ConnectAsync"/>.</summary>
/// <param name="NetnsPath">The namespace for the OCI spec's <c>linux.namespaces[network].path</c>; empty in host mode.</param>
/// <param name="Attachment">The bridge attachment; null in host mode.</param>
/// <param name="Files">What was written into the files folder.</param>
/// <param name="SkippedExtraHosts">extraHosts entries left out (already logged).</param>
public sealed record ContainerNetworkSetup(
    string NetnsPath,
    NetworkAttachment? Attachment,
    NetworkFileSet Files,
    IReadOnlyList<ExtraHostIssue> SkippedExtraHosts);
