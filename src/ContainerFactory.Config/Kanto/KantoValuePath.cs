using System.Text;

namespace ContainerFactory.Config.Kanto;

/// <summary>
/// Turns System.Text.Json error paths (<c>$.CONFIG.portMappings[0].hostPort</c>) into the dotted paths used by
/// validation (<c>config.portMappings[0].hostPort</c>, <c>value</c> for the root) and says which JSON type the
/// Kanto shape expects there. Member names are canonicalised to Kanto's spelling.
/// </summary>
internal static class KantoValuePath
{
    /// <summary>The path of the value itself.</summary>
    public const string Root = "value";

    private static readonly Dictionary<string, (string Name, string Expected)> Members = BuildMembers();

    /// <summary>Converts an STJ path; null, empty or <c>$</c> gives <see cref="Root"/>.</summary>
    public static string FromJsonPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return Root;
        }

        var path = new StringBuilder(jsonPath.Length);
        var rest = jsonPath.AsSpan(jsonPath[0] == '$' ? 1 : 0);
        while (!rest.IsEmpty)
        {
            rest = rest[0] == '[' ? AppendBracket(path, rest) : AppendMember(path, rest[0] == '.' ? rest[1..] : rest);
        }

        return path.Length == 0 ? Root : path.ToString();
    }

    /// <summary>
    /// What the shape expects at <paramref name="path"/>: <c>object</c>, <c>array</c>, <c>string</c>, <c>boolean</c>,
    /// <c>integer</c>, <c>number</c> or <c>integer between 0 and 65535</c>.
    /// </summary>
    /// <param name="path">A path from <see cref="FromJsonPath"/>.</param>
    /// <param name="rootExpected">What the operation expects for the whole value.</param>
    public static string Expected(string path, string rootExpected)
    {
        if (path == Root)
        {
            return rootExpected;
        }

        var last = path.AsSpan(path.LastIndexOf('.') + 1);
        if (last.EndsWith("]"))
        {
            var array = last[..last.IndexOf('[')].ToString();
            return array is "mountPoints" or "devices" or "portMappings" ? "object" : "string";
        }

        return Members.TryGetValue(last.ToString(), out var member) ? member.Expected : "string";
    }

    private static ReadOnlySpan<char> AppendMember(StringBuilder path, ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny('.', '[');
        var name = (end < 0 ? rest : rest[..end]).ToString();
        AppendName(path, name);
        return end < 0 ? [] : rest[end..];
    }

    private static ReadOnlySpan<char> AppendBracket(StringBuilder path, ReadOnlySpan<char> rest)
    {
        var close = rest.IndexOf(']');
        if (close < 0)
        {
            path.Append(rest);
            return [];
        }

        var inner = rest[1..close];
        if (inner.Length >= 2 && inner[0] == '\'' && inner[^1] == '\'')
        {
            AppendName(path, inner[1..^1].ToString());
        }
        else
        {
            path.Append('[').Append(inner).Append(']');
        }

        return rest[(close + 1)..];
    }

    private static void AppendName(StringBuilder path, string name)
    {
        if (path.Length > 0)
        {
            path.Append('.');
        }

        path.Append(Members.TryGetValue(name, out var member) ? member.Name : name);
    }

    private static Dictionary<string, (string Name, string Expected)> BuildMembers()
    {
        var members = new Dictionary<string, (string Name, string Expected)>(StringComparer.OrdinalIgnoreCase);
        void Add(string expected, params string[] names)
        {
            foreach (var name in names)
            {
                members[name] = (name, expected);
            }
        }

        Add("object", "config", "decryption", "restartPolicy", "log", "resources");
        Add("array", "env", "cmd", "extraHosts", "extraCapabilities", "mountPoints", "devices", "portMappings", "keys", "recipients");
        Add("boolean", "start", "privileged", "openStdin", "tty", "force");
        Add("integer between 0 and 65535", "hostPort", "hostPortEnd", "containerPort");
        Add("integer", "maxRetryCount", "maxFiles", "timeout");
        Add("number", "retryTimeout");
        Add("string", "imageRef", "name", "domainName", "hostName", "networkMode", "source", "destination",
            "propagationMode", "pathOnHost", "pathInContainer", "cgroupPermissions", "type", "proto", "hostIP",
            "maxSize", "rootDir", "mode", "maxBufferSize", "memory", "memoryReservation", "memorySwap", "signal");
        return members;
    }
}
