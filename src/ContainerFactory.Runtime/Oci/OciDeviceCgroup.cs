using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>One <c>linux.resources.devices</c> rule.</summary>
/// <param name="Allow">Allow (true) or deny (false); always written.</param>
/// <param name="Type"><c>c</c>, <c>b</c> or <c>a</c>; null = all types.</param>
/// <param name="Major">Major number; null = all.</param>
/// <param name="Minor">Minor number; null = all.</param>
/// <param name="Access">Any of <c>r</c>, <c>w</c>, <c>m</c>, e.g. <c>rwm</c>; null = absent.</param>
public sealed record OciDeviceCgroup(
    [property: JsonPropertyName("allow")] bool Allow,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("major")] long? Major,
    [property: JsonPropertyName("minor")] long? Minor,
    [property: JsonPropertyName("access")] string? Access);
