namespace ContainerFactory.Runtime.Network;

/// <summary>An interface of a CNI result.</summary>
/// <param name="Name">Interface name, e.g. <c>eth0</c>, <c>veth9db61f50</c>.</param>
/// <param name="Mac">MAC address, e.g. <c>4a:21:9c:0e:11:02</c>; may be absent.</param>
/// <param name="Sandbox">Network namespace path for an interface inside the container; null on the host.</param>
public sealed record CniInterface(string Name, string? Mac = null, string? Sandbox = null);
