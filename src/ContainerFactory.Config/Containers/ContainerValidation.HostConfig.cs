using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Config.Containers;

public static partial class ContainerValidation
{
    /// <summary>§3.6 item 5: privileged excludes devices (extra capabilities are dropped, not rejected).</summary>
    private static void AddPrivilegedIssues(KantoContainerConfig config, List<ConfigIssue> issues)
    {
        if (config.Privileged == true && config.Devices is { Count: > 0 })
        {
            issues.Add(new ConfigIssue(
                "cannot create the container as privileged and with specified devices at the same time - choose one of the options",
                "config.devices"));
        }
    }

    /// <summary>§3.6 item 6: known network mode ("" = bridge); host mode allows no port mappings and no <c>host_ip</c> extra hosts.</summary>
    private static void AddNetworkIssues(KantoContainerConfig config, List<ConfigIssue> issues)
    {
        var text = config.NetworkMode;
        var mode = NetworkMode.Bridge;
        if (!string.IsNullOrEmpty(text) && !KantoNames.TryParse(text, out mode))
        {
            issues.Add(new ConfigIssue($"unsupported network mode {text}", "config.networkMode"));
            return;
        }

        if (mode != NetworkMode.Host)
        {
            return;
        }

        if (config.PortMappings is { Count: > 0 })
        {
            issues.Add(new ConfigIssue("cannot use port mappings when in host network mode", "config.portMappings"));
        }

        for (var i = 0; i < (config.ExtraHosts?.Count ?? 0); i++)
        {
            if (KantoPatterns.IsHostIpReservedKey(config.ExtraHosts![i] ?? ""))
            {
                issues.Add(new ConfigIssue(
                    "cannot use the host_ip reserved key or any of its modifications when in host network mode",
                    $"config.extraHosts[{i}]"));
            }
        }
    }

    /// <summary>§3.6 item 7: a device needs its host path (the container path defaults to it; permissions default to rwm).</summary>
    private static void AddDeviceIssues(IReadOnlyList<KantoDeviceMapping?>? devices, List<ConfigIssue> issues)
    {
        for (var i = 0; i < (devices?.Count ?? 0); i++)
        {
            if (string.IsNullOrEmpty(devices![i]?.PathOnHost))
            {
                issues.Add(new ConfigIssue(
                    "both path on the host and in the container must be specified for a device mapping", $"config.devices[{i}]"));
            }
        }
    }
}
