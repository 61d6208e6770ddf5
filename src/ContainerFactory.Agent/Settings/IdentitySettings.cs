namespace ContainerFactory.Agent.Settings;

/// <summary>Identity settings (PRODUCT.md §2.1).</summary>
/// <param name="DeviceId">Device id (<c>namespace:name</c>); empty (default) learns it from <c>edge/thing/response</c>.</param>
/// <param name="TenantId">Hono tenant id; empty (default) learns it from <c>edge/thing/response</c>.</param>
/// <param name="ThingId">Thing id served; empty (default) means <c>&lt;deviceId&gt;:edge:containers</c>.</param>
public sealed record IdentitySettings(
    string DeviceId = "",
    string TenantId = "",
    string ThingId = "");
