using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>The <c>linux.resources.memory</c> object; every value in bytes, null = not set.</summary>
/// <param name="Limit">Hard limit.</param>
/// <param name="Reservation">Soft limit.</param>
/// <param name="Swap">Memory plus swap limit; -1 = unlimited.</param>
public sealed record OciMemory(
    [property: JsonPropertyName("limit")] long? Limit,
    [property: JsonPropertyName("reservation")] long? Reservation,
    [property: JsonPropertyName("swap")] long? Swap);
