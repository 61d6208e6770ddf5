using System.Text.Json;
using ContainerFactory.Agent.Settings;

namespace ContainerFactory.Agent.Identity;

/// <summary>
/// Decides the identity from the configuration and the connector's handshake (PRODUCT.md §2.1): configured values
/// win; the handshake fills what is not configured. Pure.
/// </summary>
public static class IdentityResolver
{
    /// <summary>The byte-exact request Kanto publishes on <c>edge/thing/request</c>.</summary>
    public static ReadOnlyMemory<byte> HandshakeRequest { get; } = "{\"topic\":\"\",\"headers\":null,\"path\":\"\"}"u8.ToArray();

    /// <summary>
    /// The identity from the configuration alone, or null when a handshake is needed (no device id and no thing id
    /// configured). A configured thing id without a tenant serves commands at once with the standalone tenant.
    /// </summary>
    public static ThingIdentity? FromSettings(IdentitySettings settings)
    {
        if (settings.DeviceId.Length == 0 && settings.ThingId.Length == 0)
        {
            return null;
        }

        string device = settings.DeviceId.Length > 0 ? settings.DeviceId : settings.ThingId;
        string tenant = settings.TenantId.Length > 0 ? settings.TenantId : ThingIdentity.StandaloneTenant;
        return new ThingIdentity(device, tenant, ThingIdentity.ThingIdFor(device, settings.ThingId));
    }

    /// <summary>Applies a handshake answer; false (with the reason) when it is not usable JSON or lacks the device id.</summary>
    public static bool TryFromResponse(
        ReadOnlySpan<byte> payload, IdentitySettings settings, out ThingIdentity? identity, out string? problem)
    {
        identity = null;
        IdentityResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(payload, IdentityJson.Default.IdentityResponse);
        }
        catch (JsonException)
        {
            problem = "edge/thing/response is not valid JSON";
            return false;
        }

        if (string.IsNullOrEmpty(response?.DeviceId) || !response.DeviceId.Contains(':', StringComparison.Ordinal))
        {
            problem = "edge/thing/response has no deviceId of the form namespace:name";
            return false;
        }

        string device = settings.DeviceId.Length > 0 ? settings.DeviceId : response.DeviceId;
        string tenant = settings.TenantId.Length > 0 ? settings.TenantId : response.TenantId ?? ThingIdentity.StandaloneTenant;
        identity = new ThingIdentity(device, tenant, ThingIdentity.ThingIdFor(device, settings.ThingId), response.PolicyId ?? "");
        problem = null;
        return true;
    }
}
