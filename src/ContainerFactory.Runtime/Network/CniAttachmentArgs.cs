namespace ContainerFactory.Runtime.Network;

/// <summary>The per-container arguments of a list invocation (libcni's RuntimeConf).</summary>
/// <param name="ContainerId"><c>CNI_CONTAINERID</c>: letters, digits, <c>_ . -</c>; first character a letter or digit.</param>
/// <param name="NetnsPath"><c>CNI_NETNS</c>: the pinned network namespace file; empty on a DEL whose namespace is gone.</param>
/// <param name="InterfaceName"><c>CNI_IFNAME</c>: <c>eth0</c> for the bridge list, <c>lo</c> for loopback.</param>
/// <param name="PortMappings">The <c>portMappings</c> capability argument; empty for none.</param>
public sealed record CniAttachmentArgs(string ContainerId, string NetnsPath, string InterfaceName, IReadOnlyList<PortMapping> PortMappings);
