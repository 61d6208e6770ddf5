using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ContainerFactory.Runtime.Network;

/// <summary>An IPv4 network in CIDR form, always canonical (host bits zero), e.g. <c>172.17.0.0/16</c>.</summary>
/// <param name="Network">The network address as a host-order integer (172.17.0.0 = 0xAC110000).</param>
/// <param name="PrefixLength">0–32.</param>
public readonly record struct Ipv4Subnet(uint Network, int PrefixLength)
{
    /// <summary>The netmask as a host-order integer (/16 = 0xFFFF0000).</summary>
    public uint Mask => PrefixLength == 0 ? 0u : uint.MaxValue << (32 - PrefixLength);

    /// <summary>The subnet of an interface address, e.g. 172.17.0.1 with prefix 16 → 172.17.0.0/16.</summary>
    public static Ipv4Subnet Of(IPAddress address, int prefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
        uint mask = prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
        return new(ToUInt32(address) & mask, prefixLength);
    }

    /// <summary>
    /// Parses <c>a.b.c.d/n</c> (host bits are cleared: <c>10.0.0.7/24</c> → <c>10.0.0.0/24</c>). Returns false for anything
    /// else, including IPv6 and a missing prefix. Never throws.
    /// </summary>
    public static bool TryParse(string? text, out Ipv4Subnet subnet)
    {
        subnet = default;
        if (text is null)
        {
            return false;
        }

        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !IPAddress.TryParse(text.AsSpan(0, slash), out IPAddress? address)
            || address.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, null, out int prefix)
            || prefix > 32
            || !IsDottedQuad(text.AsSpan(0, slash)))
        {
            return false;
        }

        subnet = Of(address, prefix);
        return true;
    }

    /// <summary>True when the two networks share at least one address.</summary>
    public bool Overlaps(Ipv4Subnet other)
    {
        uint mask = PrefixLength < other.PrefixLength ? Mask : other.Mask;
        return (Network & mask) == (other.Network & mask);
    }

    /// <summary>True when <paramref name="address"/> (IPv4) lies in this network.</summary>
    public bool Contains(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && (ToUInt32(address) & Mask) == Network;

    /// <summary>The first host address (network + 1), Docker's and Kanto's default gateway; the network itself for /31 and /32.</summary>
    public IPAddress FirstHost => ToAddress(PrefixLength >= 31 ? Network : Network + 1);

    /// <summary>The network address, e.g. 172.17.0.0.</summary>
    public IPAddress NetworkAddress => ToAddress(Network);

    /// <summary>Returns <c>a.b.c.d/n</c>.</summary>
    public override string ToString() => $"{NetworkAddress}/{PrefixLength}";

    internal static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (address.AddressFamily != AddressFamily.InterNetwork || !address.TryWriteBytes(bytes, out _))
        {
            throw new ArgumentException($"not an IPv4 address: {address}", nameof(address));
        }

        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    internal static IPAddress ToAddress(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    // IPAddress.TryParse also accepts "10" or "10.1" (inet_aton forms); CIDR text must have four parts.
    private static bool IsDottedQuad(ReadOnlySpan<char> text) => text.Count('.') == 3;
}
