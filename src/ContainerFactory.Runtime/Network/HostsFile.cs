namespace ContainerFactory.Runtime.Network;

/// <summary>
/// Renders a container's <c>/etc/hosts</c> as libnetwork does. Pure. Bridge mode: the six default lines, then the
/// extraHosts lines, then the container's own line (<c>&lt;ip&gt;\t&lt;fqdn&gt; &lt;host&gt;</c>, appended when the endpoint joins).
/// Host mode: the host's file verbatim when there are no extraHosts, else defaults plus extraHosts.
/// </summary>
public static class HostsFile
{
    /// <summary>libnetwork's default records.</summary>
    public static IReadOnlyList<HostsEntry> Defaults { get; } =
    [
        new("127.0.0.1", "localhost"),
        new("::1", "localhost ip6-localhost ip6-loopback"),
        new("fe00::0", "ip6-localnet"),
        new("ff00::0", "ip6-mcastprefix"),
        new("ff02::1", "ip6-allnodes"),
        new("ff02::2", "ip6-allrouters"),
    ];

    /// <summary>The bridge-mode file: defaults, <paramref name="extraHosts"/>, then <paramref name="self"/> when given.</summary>
    public static string ForBridge(IReadOnlyList<HostsEntry> extraHosts, HostsEntry? self)
    {
        ArgumentNullException.ThrowIfNull(extraHosts);
        return string.Concat(Defaults.Concat(extraHosts).Append(self).OfType<HostsEntry>().Select(e => e.ToString()));
    }

    /// <summary>The host-mode file: <paramref name="hostHosts"/> verbatim when <paramref name="extraHosts"/> is empty, else defaults plus extraHosts.</summary>
    public static string ForHost(IReadOnlyList<HostsEntry> extraHosts, string hostHosts)
    {
        ArgumentNullException.ThrowIfNull(extraHosts);
        return extraHosts.Count == 0 ? hostHosts : ForBridge(extraHosts, null);
    }

    /// <summary>
    /// The container's own line: names = the FQDN (<paramref name="hostName"/>.<paramref name="domainName"/> when a
    /// domain is set) plus, when the FQDN has a dot, its first label. Null when <paramref name="hostName"/> is empty.
    /// </summary>
    public static HostsEntry? SelfEntry(string address, string hostName, string domainName)
    {
        if (string.IsNullOrEmpty(hostName))
        {
            return null;
        }

        string fqdn = string.IsNullOrEmpty(domainName) ? hostName : $"{hostName}.{domainName}";
        int dot = fqdn.IndexOf('.', StringComparison.Ordinal);
        return new HostsEntry(address, dot > 0 ? $"{fqdn} {fqdn[..dot]}" : fqdn);
    }
}
