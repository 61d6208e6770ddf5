using System.Net;
using System.Net.Sockets;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// A container's <c>/etc/resolv.conf</c> as Docker's libnetwork (and so Kanto) makes it for the default bridge, which
/// has no embedded DNS server. Pure. Host mode copies the host file verbatim.
/// </summary>
public static class ResolvConfFile
{
    /// <summary>The host file Docker reads.</summary>
    public const string HostPath = "/etc/resolv.conf";

    /// <summary>systemd-resolved's upstream file, read instead when <see cref="HostPath"/> names only its stub 127.0.0.53.</summary>
    public const string SystemdResolvedPath = "/run/systemd/resolve/resolv.conf";

    /// <summary>Docker's fallback servers when no usable nameserver is left.</summary>
    public static IReadOnlyList<string> FallbackNameservers { get; } = ["8.8.8.8", "8.8.4.4"];

    /// <summary>
    /// Which host file to copy: <see cref="SystemdResolvedPath"/> when <paramref name="etcResolvConf"/> lists exactly one
    /// nameserver and it is 127.0.0.53 (a loopback stub unreachable from a container), else <see cref="HostPath"/>.
    /// </summary>
    public static string SourcePath(string etcResolvConf)
    {
        ArgumentNullException.ThrowIfNull(etcResolvConf);
        List<string> servers = Nameservers(etcResolvConf);
        return servers is ["127.0.0.53"] ? SystemdResolvedPath : HostPath;
    }

    /// <summary>
    /// The bridge-mode file (libnetwork FilterResolvDNS with IPv6 off): every <c>nameserver</c> line whose address is
    /// loopback (127.0.0.0/8, ::1) or IPv6 is removed — the container's own loopback has no resolver and the network
    /// has no IPv6 — and when no nameserver is left, <c>nameserver 8.8.8.8</c> and <c>nameserver 8.8.4.4</c> are
    /// appended. Every other line (search, options, comments) is kept verbatim. The result ends with a newline.
    /// </summary>
    public static string ForBridge(string hostResolvConf)
    {
        ArgumentNullException.ThrowIfNull(hostResolvConf);
        var kept = new List<string>();
        foreach (string line in SplitLines(hostResolvConf))
        {
            if (NameserverOf(line) is IPAddress server && (IPAddress.IsLoopback(server) || server.AddressFamily == AddressFamily.InterNetworkV6))
            {
                continue;
            }

            kept.Add(line);
        }

        if (!kept.Exists(line => NameserverOf(line) is not null))
        {
            kept.AddRange(FallbackNameservers.Select(s => $"nameserver {s}"));
        }

        return string.Concat(kept.Select(line => line + "\n"));
    }

    /// <summary>The nameserver addresses in file order.</summary>
    public static List<string> Nameservers(string resolvConf)
    {
        ArgumentNullException.ThrowIfNull(resolvConf);
        return [.. SplitLines(resolvConf).Select(NameserverOf).OfType<IPAddress>().Select(a => a.ToString())];
    }

    private static IPAddress? NameserverOf(string line)
    {
        string[] fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields is not ["nameserver", string value, ..] || line.TrimStart().StartsWith('#'))
        {
            return null;
        }

        string address = value.Split('%')[0];
        return IPAddress.TryParse(address, out IPAddress? parsed) ? parsed : null;
    }

    private static IEnumerable<string> SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
