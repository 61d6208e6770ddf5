using System.Net.NetworkInformation;

namespace ContainerFactory.Runtime.Network;

/// <summary>Reads the host's interface addresses and IPv4 routes: the small I/O half of <see cref="SubnetChoice"/> and the host_ip lookups.</summary>
public static class HostNetworkProbe
{
    /// <summary>Every unicast address of every host interface (getifaddrs through .NET). Never throws.</summary>
    public static RuntimeResult<IReadOnlyList<HostInterfaceAddress>> TryReadAddresses()
    {
        try
        {
            var addresses = new List<HostInterfaceAddress>();
            foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                foreach (UnicastIPAddressInformation unicast in nic.GetIPProperties().UnicastAddresses)
                {
                    addresses.Add(new HostInterfaceAddress(nic.Name, unicast.Address, unicast.PrefixLength));
                }
            }

            return addresses;
        }
        catch (NetworkInformationException ex)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot list host interface addresses: {ex.Message}");
        }
    }

    /// <summary>The IPv4 routes of <c>/proc/net/route</c>; empty when the file does not exist. Never throws.</summary>
    public static RuntimeResult<IReadOnlyList<HostRoute>> TryReadRoutes(string path = "/proc/net/route")
    {
        try
        {
            return File.Exists(path) ? RuntimeResult<IReadOnlyList<HostRoute>>.Ok(RouteTable.ParseProcNetRoute(File.ReadAllText(path))) : Array.Empty<HostRoute>();
        }
        catch (IOException ex)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot read {path}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot read {path}: {ex.Message}");
        }
    }

    /// <summary>Reads addresses and routes, then applies <see cref="SubnetChoice.Choose"/>. Never throws.</summary>
    public static RuntimeResult<BridgeSubnet> TryChooseSubnet(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!TryReadAddresses().TryGetValue(out IReadOnlyList<HostInterfaceAddress>? addresses, out RuntimeError? error)
            || !TryReadRoutes().TryGetValue(out IReadOnlyList<HostRoute>? routes, out error))
        {
            return error;
        }

        return SubnetChoice.Choose(options.BridgeName, options.Subnet, addresses, routes);
    }
}
