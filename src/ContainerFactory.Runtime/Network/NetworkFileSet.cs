namespace ContainerFactory.Runtime.Network;

/// <summary>The contents of the three files bind-mounted into a container.</summary>
/// <param name="Hosts">For <c>/etc/hosts</c>.</param>
/// <param name="Hostname">For <c>/etc/hostname</c>: the host name and a newline.</param>
/// <param name="ResolvConf">For <c>/etc/resolv.conf</c>.</param>
public sealed record NetworkFileSet(string Hosts, string Hostname, string ResolvConf);
