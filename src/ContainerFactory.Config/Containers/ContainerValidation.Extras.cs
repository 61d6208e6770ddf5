using System.Net;
using System.Net.Sockets;
using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Config.Containers;

public static partial class ContainerValidation
{
    /// <summary>
    /// Our rules beyond Kanto (PRODUCT.md §2.3), after Kanto's so that Kanto's first failure stays first:
    /// device cgroup permissions, capability names, port numbers and ranges, protocol, host IP, absolute log root dir.
    /// </summary>
    private static void AddExtraIssues(KantoContainerConfig config, List<ConfigIssue> issues)
    {
        AddCgroupPermissionIssues(config.Devices, issues);
        if (config.Privileged != true)
        {
            AddCapabilityIssues(config.ExtraCapabilities, issues);
        }

        for (var i = 0; i < (config.PortMappings?.Count ?? 0); i++)
        {
            AddPortMappingIssues(config.PortMappings![i] ?? new KantoPortMapping(), $"config.portMappings[{i}]", issues);
        }

        var rootDir = config.Log?.RootDir;
        if (!string.IsNullOrEmpty(rootDir) && rootDir[0] != '/')
        {
            issues.Add(new ConfigIssue($"root dir for container log, {rootDir} should be an absolute path", "config.log.rootDir"));
        }
    }

    /// <summary>Permissions, when given, are a non-empty combination of r, w and m, each at most once.</summary>
    private static void AddCgroupPermissionIssues(IReadOnlyList<KantoDeviceMapping?>? devices, List<ConfigIssue> issues)
    {
        for (var i = 0; i < (devices?.Count ?? 0); i++)
        {
            var permissions = devices![i]?.CgroupPermissions;
            if (!string.IsNullOrEmpty(permissions) && !IsCgroupPermissions(permissions))
            {
                issues.Add(new ConfigIssue(
                    $"invalid cgroup permissions {permissions} - must be a combination of r, w and m, each at most once",
                    $"config.devices[{i}].cgroupPermissions"));
            }
        }
    }

    private static bool IsCgroupPermissions(string permissions) =>
        permissions.Length <= 3 &&
        !permissions.AsSpan().ContainsAnyExcept("rwm") &&
        permissions.Distinct().Count() == permissions.Length;

    /// <summary>Each capability is one of the 41 Linux capabilities, with or without <c>CAP_</c>, any case.</summary>
    private static void AddCapabilityIssues(IReadOnlyList<string?>? capabilities, List<ConfigIssue> issues)
    {
        for (var i = 0; i < (capabilities?.Count ?? 0); i++)
        {
            var name = capabilities![i] ?? "";
            if (!LinuxCapabilities.TryNormalize(name, out _))
            {
                issues.Add(new ConfigIssue($"unknown Linux capability {name}", $"config.extraCapabilities[{i}]"));
            }
        }
    }

    /// <summary>Ports 1–65535, hostPortEnd (when set) ≥ hostPort, proto tcp/udp, hostIP an IPv4/IPv6 literal.</summary>
    private static void AddPortMappingIssues(KantoPortMapping mapping, string path, List<ConfigIssue> issues)
    {
        if (mapping.ContainerPort is null or 0)
        {
            issues.Add(new ConfigIssue("container port must be between 1 and 65535", $"{path}.containerPort"));
        }

        var hostPort = mapping.HostPort ?? 0;
        if (hostPort == 0)
        {
            issues.Add(new ConfigIssue("host port must be between 1 and 65535", $"{path}.hostPort"));
        }
        else if (mapping.HostPortEnd is > 0 and var end && end < hostPort)
        {
            issues.Add(new ConfigIssue($"host port end {end} must not be lower than host port {hostPort}", $"{path}.hostPortEnd"));
        }

        if (!string.IsNullOrEmpty(mapping.Proto) && !KantoNames.TryParse(mapping.Proto, out PortProtocol _))
        {
            issues.Add(new ConfigIssue($"unsupported protocol {mapping.Proto} - must be tcp or udp", $"{path}.proto"));
        }

        if (!string.IsNullOrEmpty(mapping.HostIP) && !IsIPAddress(mapping.HostIP))
        {
            issues.Add(new ConfigIssue($"host IP {mapping.HostIP} is not an IPv4 or IPv6 address", $"{path}.hostIP"));
        }
    }

    /// <summary>An IPv6 literal, or an IPv4 address in canonical dotted-quad form (no <c>127.1</c> or octal shorthand).</summary>
    private static bool IsIPAddress(string text) =>
        IPAddress.TryParse(text, out var address) &&
        (address.AddressFamily == AddressFamily.InterNetworkV6 || address.ToString() == text);
}
