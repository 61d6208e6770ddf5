namespace ContainerFactory.Agent.Identity;

/// <summary>Who the agent is on the wire: the thing it serves and the tenant of its twin topic.</summary>
/// <param name="DeviceId">The gateway's device id (<c>namespace:name</c>).</param>
/// <param name="TenantId">The Hono tenant, used in <c>e/&lt;tenant&gt;/&lt;thingId&gt;</c>.</param>
/// <param name="ThingId">The thing served, e.g. <c>edge:device:edge:containers</c>.</param>
/// <param name="PolicyId">The policy id the connector reported; empty when unknown.</param>
public sealed record ThingIdentity(string DeviceId, string TenantId, string ThingId, string PolicyId = "")
{
    /// <summary>Suffix of the containers thing id after the device id (kanto-protocol §1.3).</summary>
    public const string ContainersSuffix = ":edge:containers";

    /// <summary>The tenant used when none is configured and no connector answers (standalone gateways).</summary>
    public const string StandaloneTenant = "DEFAULT_TENANT";

    /// <summary>The thing id served for <paramref name="deviceId"/> unless one is configured.</summary>
    public static string ThingIdFor(string deviceId, string configuredThingId) =>
        configuredThingId.Length > 0 ? configuredThingId : deviceId + ContainersSuffix;
}
