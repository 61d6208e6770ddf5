namespace ContainerFactory.Protocol.Hono;

/// <summary>
/// A Hono command topic <c>command//&lt;thingId&gt;/req/&lt;requestId&gt;/&lt;command&gt;</c>.
/// The request id may be empty (<c>req//create</c>, the form of the published examples); the thing id and
/// the command may not. The command name is informational only: operations are routed by the envelope path.
/// </summary>
/// <param name="ThingId">Thing (Hono device) id, never empty, contains no <c>/</c>.</param>
/// <param name="RequestId">Request id, empty for the one-way form.</param>
/// <param name="Command">Hono command name, never empty, contains no <c>/</c>.</param>
public readonly record struct HonoCommandTopic(string ThingId, string RequestId, string Command)
{
    private const string Prefix = "command//";
    private const string RequestSegment = "/req/";

    /// <summary>True when the request id is empty (<c>…/req//cmd</c>).</summary>
    public bool IsOneWayForm => RequestId.Length == 0;

    /// <summary>
    /// Parses <paramref name="topic"/> with the rule <c>^command//([^/]+)/req/([^/]*)/([^/]+)$</c>.
    /// Never throws; returns false for any other shape (extra or missing segments).
    /// </summary>
    public static bool TryParse(string? topic, out HonoCommandTopic result)
    {
        result = default;
        if (topic is null || !topic.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = topic.AsSpan(Prefix.Length);
        int thingEnd = rest.IndexOf('/');
        if (thingEnd <= 0)
        {
            return false;
        }

        ReadOnlySpan<char> afterThing = rest[thingEnd..];
        if (!afterThing.StartsWith(RequestSegment, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> tail = afterThing[RequestSegment.Length..];
        int requestEnd = tail.IndexOf('/');
        if (requestEnd < 0)
        {
            return false;
        }

        ReadOnlySpan<char> command = tail[(requestEnd + 1)..];
        if (command.IsEmpty || command.Contains('/'))
        {
            return false;
        }

        result = new HonoCommandTopic(
            rest[..thingEnd].ToString(),
            tail[..requestEnd].ToString(),
            command.ToString());
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Prefix}{ThingId}{RequestSegment}{RequestId}/{Command}";
}
