namespace ContainerFactory.Protocol.Ditto;

/// <summary>Ditto message paths of feature and thing operations, split as spans (no Regex).</summary>
public static class DittoPath
{
    private const string Features = "/features/";
    private const string Inbox = "/inbox/messages/";
    private const string Outbox = "/outbox/messages/";

    /// <summary>
    /// Matches <c>^/features/([^/]+)/inbox/messages/([^/]+)$</c>. Never throws.
    /// </summary>
    public static bool TryParseFeatureInbox(ReadOnlySpan<char> path, out string featureId, out string operation)
    {
        featureId = operation = string.Empty;
        if (!path.StartsWith(Features, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = path[Features.Length..];
        int end = rest.IndexOf('/');
        if (end <= 0 || !TryParseSegmentAfter(rest[end..], Inbox, out operation))
        {
            return false;
        }

        featureId = rest[..end].ToString();
        return true;
    }

    /// <summary>Matches <c>^/inbox/messages/([^/]+)$</c> (an operation on the thing itself). Never throws.</summary>
    public static bool TryParseThingInbox(ReadOnlySpan<char> path, out string operation) =>
        TryParseSegmentAfter(path, Inbox, out operation);

    /// <summary>The outbox path of a feature operation: <c>/features/&lt;id&gt;/outbox/messages/&lt;op&gt;</c>.</summary>
    public static string FeatureOutbox(string featureId, string operation) => $"{Features}{featureId}{Outbox}{operation}";

    /// <summary>The outbox path of a thing operation: <c>/outbox/messages/&lt;op&gt;</c>.</summary>
    public static string ThingOutbox(string operation) => $"{Outbox}{operation}";

    /// <summary>The path of a whole feature: <c>/features/&lt;id&gt;</c>.</summary>
    public static string Feature(string featureId) => $"{Features}{featureId}";

    /// <summary>The path of a feature property: <c>/features/&lt;id&gt;/properties/&lt;property&gt;</c>.</summary>
    public static string FeatureProperty(string featureId, string property) => $"{Features}{featureId}/properties/{property}";

    private static bool TryParseSegmentAfter(ReadOnlySpan<char> path, string prefix, out string segment)
    {
        segment = string.Empty;
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> last = path[prefix.Length..];
        if (last.IsEmpty || last.Contains('/'))
        {
            return false;
        }

        segment = last.ToString();
        return true;
    }
}
