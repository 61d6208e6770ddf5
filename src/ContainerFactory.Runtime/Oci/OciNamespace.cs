using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>One <c>linux.namespaces</c> entry.</summary>
/// <param name="Type"><c>pid</c>, <c>network</c>, <c>mount</c>, <c>ipc</c>, <c>uts</c>, <c>user</c> or <c>cgroup</c> (<see cref="OciConstants"/>).</param>
/// <param name="Path">An existing namespace to join, e.g. <c>/var/run/netns/&lt;id&gt;</c>; null = create a new one.</param>
public sealed record OciNamespace(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("path")] string? Path = null);
