namespace ContainerFactory.Runtime.Network;

/// <summary>The host's name-resolution files as read by <see cref="ContainerNetworkFiles.TryReadHostFiles"/>.</summary>
/// <param name="Hosts">The host's <c>/etc/hosts</c>; empty when missing.</param>
/// <param name="ResolvConf">The host's resolver file (see <see cref="ResolvConfFile.SourcePath"/>); empty when missing.</param>
/// <param name="EtcResolvConf">The host's <c>/etc/resolv.conf</c> itself, which host mode copies; empty when missing.</param>
public sealed record HostNetworkFiles(string Hosts, string ResolvConf, string EtcResolvConf);
