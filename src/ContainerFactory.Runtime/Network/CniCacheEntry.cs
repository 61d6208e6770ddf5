using System.Text.Json;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// What an ADD leaves behind for CHECK and DEL, like libcni's <c>/var/lib/cni/results</c> entry: the exact list that
/// was run (so DEL undoes it even after the settings changed), the capability arguments and the final result, which
/// becomes every plugin's <c>prevResult</c> on DEL.
/// </summary>
public sealed record CniCacheEntry
{
    /// <summary>Format tag, <c>container-factory/cni-cache/v1</c>.</summary>
    public string Kind { get; init; } = "container-factory/cni-cache/v1";

    /// <summary>The CNI container id.</summary>
    public required string ContainerId { get; init; }

    /// <summary>Network namespace path used on ADD.</summary>
    public required string NetnsPath { get; init; }

    /// <summary>Interface name used on ADD.</summary>
    public required string InterfaceName { get; init; }

    /// <summary>The list that was run.</summary>
    public required CniNetworkList Network { get; init; }

    /// <summary>The <c>portMappings</c> capability argument that was sent.</summary>
    public required IReadOnlyList<PortMapping> PortMappings { get; init; }

    /// <summary>The last plugin's ADD output, verbatim.</summary>
    public required JsonElement Result { get; init; }

    /// <summary>The attachment read from <see cref="Result"/>.</summary>
    public required NetworkAttachment Attachment { get; init; }
}
