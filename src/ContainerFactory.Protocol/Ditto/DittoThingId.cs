namespace ContainerFactory.Protocol.Ditto;

/// <summary>
/// A Ditto thing id split at its first <c>:</c> into namespace and name (kanto-protocol §1.3):
/// <c>edge:device:edge:containers</c> → namespace <c>edge</c>, name <c>device:edge:containers</c>.
/// </summary>
public readonly record struct DittoThingId(string Namespace, string Name)
{
    /// <summary>The Ditto topic prefix <c>&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    public string TopicPrefix => $"{Namespace}/{Name}";

    /// <summary>Parses <c>ns:name</c>; false when there is no <c>:</c> or either part is empty.</summary>
    public static bool TryParse(string? thingId, out DittoThingId result)
    {
        result = default;
        int colon = thingId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (thingId is null || colon <= 0 || colon == thingId.Length - 1)
        {
            return false;
        }

        result = new DittoThingId(thingId[..colon], thingId[(colon + 1)..]);
        return true;
    }

    /// <summary>
    /// The thing a Ditto topic addresses: its first two <c>/</c>-separated parts, requiring at least three
    /// parts (the rest of the topic is not checked, as in Kanto).
    /// </summary>
    public static bool TryFromTopic(ReadOnlySpan<char> topic, out DittoThingId result)
    {
        result = default;
        int first = topic.IndexOf('/');
        if (first < 0)
        {
            return false;
        }

        ReadOnlySpan<char> rest = topic[(first + 1)..];
        int second = rest.IndexOf('/');
        if (second < 0)
        {
            return false;
        }

        result = new DittoThingId(topic[..first].ToString(), rest[..second].ToString());
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Namespace}:{Name}";
}
