namespace ContainerFactory.Protocol.Hono;

/// <summary>How a command reply is routed.</summary>
public enum ReplyRouteKind
{
    /// <summary>No reply (one-way).</summary>
    None,

    /// <summary><c>command//&lt;thingId&gt;/res/&lt;requestId&gt;/&lt;status&gt;</c> (Kanto/Hono).</summary>
    StatusTopic,

    /// <summary><c>command//&lt;thingId&gt;/res//&lt;command&gt;</c> (the published API page).</summary>
    CommandEcho,
}
