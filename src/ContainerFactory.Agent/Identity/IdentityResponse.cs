using System.Text.Json.Serialization;

namespace ContainerFactory.Agent.Identity;

/// <summary>The connector's answer on <c>edge/thing/response</c> (kanto-protocol §1.2).</summary>
public sealed record IdentityResponse(
    [property: JsonPropertyName("deviceId")] string? DeviceId,
    [property: JsonPropertyName("tenantId")] string? TenantId,
    [property: JsonPropertyName("policyId")] string? PolicyId);

/// <summary>Source-generated JSON of <see cref="IdentityResponse"/>.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, AllowTrailingCommas = true, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(IdentityResponse))]
internal sealed partial class IdentityJson : JsonSerializerContext;
