using System.Net;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// Turns Kanto port bindings into single CNI port mappings. Pure.
/// <para>
/// Range semantics (checked against Kanto and Docker): Kanto hands each mapping to libnetwork as one port binding
/// <c>{Port: containerPort, HostPort, HostPortEnd}</c>; libnetwork's port allocator (RequestPortsInRange) then picks
/// <b>one</b> free host port of the range and forwards it to the <b>one</b> container port — exactly Docker's
/// <c>-p 8000-8010:80</c> ("the first available port of the range"). It does not forward every port of the range, and
/// never maps onto containerPort..containerPort+n. This allocator does the same: the first port of the range that no
/// other attachment holds (for the same protocol; the host address is ignored, which is stricter than libnetwork) and
/// that an earlier binding of the same container did not take. libnetwork resumes after the last port it handed out;
/// first-free is the deterministic equivalent for an agent that keeps no allocator state.
/// </para>
/// </summary>
public static class HostPortAllocator
{
    /// <summary>Docker's fallback ephemeral range for bindings without a host port.</summary>
    public const int EphemeralStart = 49153;

    /// <summary>Last port of <see cref="EphemeralStart"/>'s range.</summary>
    public const int EphemeralEnd = 60999;

    /// <summary>
    /// One mapping per binding, in order. <paramref name="reserved"/> holds <c>protocol/port</c> keys (see
    /// <see cref="Key"/>) already forwarded to other containers. Fails with <see cref="RuntimeErrorKind.InvalidArgument"/>
    /// for an unknown protocol, a port outside 1–65535, an inverted range or a host address that is not an IP, and with
    /// <see cref="RuntimeErrorKind.AlreadyExists"/> when a single port or a whole range is taken.
    /// </summary>
    public static RuntimeResult<IReadOnlyList<PortMapping>> Allocate(IReadOnlyList<PortBinding> bindings, IReadOnlySet<string> reserved)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(reserved);
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        var mappings = new List<PortMapping>(bindings.Count);
        foreach (PortBinding binding in bindings)
        {
            RuntimeResult<PortMapping> mapping = AllocateOne(binding, taken);
            if (!mapping.TryGetValue(out PortMapping? value, out RuntimeError? error))
            {
                return error;
            }

            taken.Add(Key(value.Protocol, value.HostPort));
            mappings.Add(value);
        }

        return mappings;
    }

    /// <summary>The reservation key of a host port: <c>tcp/8080</c>.</summary>
    public static string Key(string protocol, int hostPort) => $"{protocol}/{hostPort}";

    private static RuntimeResult<PortMapping> AllocateOne(PortBinding binding, HashSet<string> taken)
    {
        string protocol = string.IsNullOrEmpty(binding.Protocol) ? "tcp" : binding.Protocol.ToLowerInvariant();
        if (protocol is not ("tcp" or "udp" or "sctp"))
        {
            return Invalid($"unsupported port mapping protocol \"{binding.Protocol}\"");
        }

        if (binding.ContainerPort is < 1 or > 65535)
        {
            return Invalid($"container port {binding.ContainerPort} is outside 1-65535");
        }

        if (!TryNormalizeHostIp(binding.HostIP, out string? hostIp))
        {
            return Invalid($"host IP \"{binding.HostIP}\" is not an IP address");
        }

        (int first, int last) = binding switch
        {
            { HostPort: 0, HostPortEnd: 0 } => (EphemeralStart, EphemeralEnd),
            { HostPortEnd: 0 } => (binding.HostPort, binding.HostPort),
            _ => (binding.HostPort, binding.HostPortEnd),
        };
        if (first is < 1 or > 65535 || last is < 1 or > 65535 || last < first)
        {
            return Invalid($"invalid host port range {binding.HostPort}-{binding.HostPortEnd}");
        }

        for (int port = first; port <= last; port++)
        {
            if (!taken.Contains(Key(protocol, port)))
            {
                return new PortMapping { HostPort = port, ContainerPort = binding.ContainerPort, Protocol = protocol, HostIP = hostIp };
            }
        }

        string what = first == last ? $"host port {protocol}/{first} is" : $"every host port of {protocol}/{first}-{last} is";
        return new RuntimeError(RuntimeErrorKind.AlreadyExists, $"{what} already allocated");
    }

    private static bool TryNormalizeHostIp(string hostIp, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrEmpty(hostIp))
        {
            return true;
        }

        if (!IPAddress.TryParse(hostIp, out IPAddress? address))
        {
            return false;
        }

        // 0.0.0.0 / :: mean "every address": portmap must then get no hostIP at all (it would add "-d 0.0.0.0").
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        normalized = address.ToString();
        return true;
    }

    private static RuntimeError Invalid(string message) => new(RuntimeErrorKind.InvalidArgument, message);
}
