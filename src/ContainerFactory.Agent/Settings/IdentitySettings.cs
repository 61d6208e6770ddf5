namespace ContainerFactory.Agent.Settings;

/// <summary>Identity settings (PRODUCT.md §2.1).</summary>
public sealed record IdentitySettings
{
    /// <summary>Device id (<c>namespace:name</c>); empty (default) learns it from <c>edge/thing/response</c>.</summary>
    public string DeviceId { get; init; } = "";

    /// <summary>Hono tenant id; empty (default) learns it from <c>edge/thing/response</c>.</summary>
    public string TenantId { get; init; } = "";

    /// <summary>Thing id served; empty (default) means <c>&lt;deviceId&gt;:edge:containers</c>.</summary>
    public string ThingId { get; init; } = "";
}
