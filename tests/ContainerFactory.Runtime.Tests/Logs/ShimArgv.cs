namespace ContainerFactory.Runtime.Tests.Logs;

/// <summary>
/// What containerd's shim makes of a <c>binary://</c> URI (containerd-notes §6, pkg/process NewBinaryCmd): the path
/// unescaped, then each query key and its first value (a key without <c>=</c> gets <c>""</c>), unescaped the way Go's
/// <c>url.ParseQuery</c> does (<c>+</c> is a space). Keys are kept in URI order here; the shim's order is random.
/// </summary>
internal static class ShimArgv
{
    public static string PathOf(string uri)
    {
        var parsed = new Uri(uri);
        Assert.Equal("binary", parsed.Scheme);
        return Uri.UnescapeDataString(parsed.AbsolutePath);
    }

    public static string[] FromUri(string uri)
    {
        string query = uri[(uri.IndexOf('?', StringComparison.Ordinal) + 1)..];
        var argv = new List<string>();
        foreach (string pair in query.Split('&'))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            argv.Add(Unescape(equals < 0 ? pair : pair[..equals]));
            argv.Add(equals < 0 ? "" : Unescape(pair[(equals + 1)..]));
        }

        return [.. argv];
    }

    private static string Unescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
