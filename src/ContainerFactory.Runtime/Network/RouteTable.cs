using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace ContainerFactory.Runtime.Network;

/// <summary>Parses the kernel's IPv4 route table text (<c>/proc/net/route</c>). Pure.</summary>
public static class RouteTable
{
    /// <summary>
    /// Returns one <see cref="HostRoute"/> per data row (the header and malformed rows are skipped). Destination and
    /// mask are printed by the kernel as the in-memory value of a big-endian address, i.e. byte-reversed on a
    /// little-endian host; <paramref name="littleEndian"/> says which (default: this machine's).
    /// </summary>
    public static IReadOnlyList<HostRoute> ParseProcNetRoute(string text, bool? littleEndian = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool reverse = littleEndian ?? BitConverter.IsLittleEndian;
        var routes = new List<HostRoute>();
        foreach (string line in text.Split('\n'))
        {
            string[] fields = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 8
                || !uint.TryParse(fields[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint destination)
                || !uint.TryParse(fields[7], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint mask))
            {
                continue;
            }

            if (reverse)
            {
                destination = BinaryPrimitives.ReverseEndianness(destination);
                mask = BinaryPrimitives.ReverseEndianness(mask);
            }

            int prefix = BitOperations.PopCount(mask);
            routes.Add(new HostRoute(fields[0], new Ipv4Subnet(destination & mask, prefix)));
        }

        return routes;
    }
}
