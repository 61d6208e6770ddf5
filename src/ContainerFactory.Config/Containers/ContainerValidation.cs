using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Config.Containers;

/// <summary>
/// Pure validation of decoded requests. Returns every issue (never only the first, never throws), in Kanto's
/// order (kanto-protocol §3.6 items 2–11, <c>imageRef</c> first), followed by our own rules (PRODUCT.md §2.3).
/// Runs on the wire form, as if the defaults of <see cref="ContainerDefaults"/> were applied (an empty value
/// that has a default is never an issue), so every issue carries the wire JSON path.
/// </summary>
public static partial class ContainerValidation
{
    /// <summary>Validates a <c>create</c>/<c>createWithConfig</c> request; paths are relative to the value (<c>config.log.maxSize</c>).</summary>
    /// <param name="request">The decoded request.</param>
    /// <returns>Every issue in order; empty when the request is valid.</returns>
    public static IReadOnlyList<ConfigIssue> Validate(CreateRequest request)
    {
        var issues = new List<ConfigIssue>();
        if (string.IsNullOrEmpty(request.ImageRef))
        {
            issues.Add(new ConfigIssue("imageRef must be set", "imageRef"));
        }

        AddNameIssues(request.Name, "name", issues);
        var config = request.Config;
        if (config is null)
        {
            return issues;
        }

        AddMountIssues(config.MountPoints, issues);
        AddPrivilegedIssues(config, issues);
        AddNetworkIssues(config, issues);
        AddDeviceIssues(config.Devices, issues);
        AddLogIssues(config.Log, "config.log", issues);
        AddRestartPolicyIssues(config.RestartPolicy, "config.restartPolicy", issues);
        AddResourceIssues(config.Resources, "config.resources", deriveSwap: true, issues);
        AddEnvIssues(config.Env, issues);
        AddExtraIssues(config, issues);
        return issues;
    }

    /// <summary>Validates an <c>update</c> (kanto-protocol §3.6 items 9–10); paths <c>restartPolicy.*</c>, <c>resources.*</c>; no swap is derived.</summary>
    /// <param name="request">The decoded update.</param>
    public static IReadOnlyList<ConfigIssue> ValidateUpdate(UpdateRequest request)
    {
        var issues = new List<ConfigIssue>();
        AddRestartPolicyIssues(request.RestartPolicy, "restartPolicy", issues);
        AddResourceIssues(request.Resources, "resources", deriveSwap: false, issues);
        return issues;
    }

    /// <summary>
    /// Validates a <c>stopWithOptions</c>: <c>the timeout = &lt;n&gt; shouldn't be negative</c> (path <c>timeout</c>),
    /// <c>invalid signal = &lt;s&gt;</c> for an unknown name or a number outside 1–255 (path <c>signal</c>).
    /// </summary>
    /// <param name="request">The decoded stop request.</param>
    public static IReadOnlyList<ConfigIssue> ValidateStop(StopRequest request)
    {
        var issues = new List<ConfigIssue>();
        if (request.TimeoutSeconds < 0)
        {
            issues.Add(new ConfigIssue($"the timeout = {request.TimeoutSeconds} shouldn't be negative", "timeout"));
        }

        if (request.Signal.Length > 0 && !LinuxSignals.TryParse(request.Signal, out _))
        {
            issues.Add(new ConfigIssue($"invalid signal = {request.Signal}", "signal"));
        }

        return issues;
    }

    /// <summary>Validates a <c>rename</c> value: "" is allowed (no-op), otherwise the name rule, path <c>value</c>.</summary>
    /// <param name="name">The decoded new name.</param>
    public static IReadOnlyList<ConfigIssue> ValidateRename(string name)
    {
        var issues = new List<ConfigIssue>();
        AddNameIssues(name, KantoValuePath.Root, issues);
        return issues;
    }

    /// <summary>§3.6 item 2: a non-empty name must match <c>^[a-zA-Z0-9_][a-zA-Z0-9_.-]*$</c>.</summary>
    private static void AddNameIssues(string? name, string path, List<ConfigIssue> issues)
    {
        if (!string.IsNullOrEmpty(name) && !KantoPatterns.IsContainerName(name))
        {
            issues.Add(new ConfigIssue($"invalid container name format : {name}", path));
        }
    }

    /// <summary>§3.6 item 3: every mount needs source and destination and a known propagation mode ("" = rprivate).</summary>
    private static void AddMountIssues(IReadOnlyList<KantoMountPoint?>? mounts, List<ConfigIssue> issues)
    {
        for (var i = 0; i < (mounts?.Count ?? 0); i++)
        {
            var mount = mounts![i];
            if (string.IsNullOrEmpty(mount?.Source) || string.IsNullOrEmpty(mount.Destination))
            {
                issues.Add(new ConfigIssue("source and destination must be set for a mount point", $"config.mountPoints[{i}]"));
            }

            var mode = mount?.PropagationMode;
            if (!string.IsNullOrEmpty(mode) && !KantoNames.TryParse(mode, out PropagationMode _))
            {
                issues.Add(new ConfigIssue(
                    "propagation mode must be set to one of the supported modes", $"config.mountPoints[{i}].propagationMode"));
            }
        }
    }

    /// <summary>§3.6 item 11: every env entry must match <c>^[a-zA-Z_]([a-zA-Z0-9_]*)(|=(.*))$</c>.</summary>
    private static void AddEnvIssues(IReadOnlyList<string?>? env, List<ConfigIssue> issues)
    {
        for (var i = 0; i < (env?.Count ?? 0); i++)
        {
            var entry = env![i] ?? "";
            if (!KantoPatterns.IsEnvironmentEntry(entry))
            {
                issues.Add(new ConfigIssue($"invalid environmental variable declaration provided : {entry}", $"config.env[{i}]"));
            }
        }
    }
}
