namespace ContainerFactory.Protocol.Hono;

/// <summary>The MQTT topics of the Hono / Kanto conventions (kanto-protocol §1.4).</summary>
public static class HonoTopics
{
    /// <summary>Identity request published on every (re)connect.</summary>
    public const string IdentityRequest = "edge/thing/request";

    /// <summary>Identity response from the cloud connector.</summary>
    public const string IdentityResponse = "edge/thing/response";

    /// <summary>The command subscription for <paramref name="thingId"/>: <c>command//&lt;thingId&gt;/req/#</c>.</summary>
    public static string CommandSubscription(string thingId) => $"command//{thingId}/req/#";

    /// <summary>Kanto/Hono response topic: <c>command//&lt;thingId&gt;/res/&lt;requestId&gt;/&lt;status&gt;</c>.</summary>
    public static string Response(string thingId, string requestId, int status) =>
        $"command//{thingId}/res/{requestId}/{status}";

    /// <summary>Response topic of the published API page's one-way form: <c>command//&lt;thingId&gt;/res//&lt;command&gt;</c>.</summary>
    public static string CommandEchoResponse(string thingId, string command) => $"command//{thingId}/res//{command}";

    /// <summary>Twin updates and outbox messages: <c>e/&lt;tenantId&gt;/&lt;thingId&gt;</c>.</summary>
    public static string Event(string tenantId, string thingId) => $"e/{tenantId}/{thingId}";
}
