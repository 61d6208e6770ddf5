using System.Text;

namespace ContainerFactory.Runtime.Registry;

/// <summary>
/// Parses <c>WWW-Authenticate</c> values (RFC 7235 challenges): several challenges per value, comma-separated
/// parameters, quoted strings with backslash escapes and commas inside. Pure; never throws.
/// </summary>
public static class WwwAuthenticate
{
    /// <summary>Every challenge in the header values, in order; empty when there is none.</summary>
    public static IReadOnlyList<AuthChallenge> Parse(IEnumerable<string> headerValues)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        var challenges = new List<AuthChallenge>();
        foreach (var value in headerValues)
        {
            challenges.AddRange(Parse(value));
        }

        return challenges;
    }

    /// <summary>Every challenge in one header value, in order; empty when there is none.</summary>
    public static IReadOnlyList<AuthChallenge> Parse(string headerValue)
    {
        var challenges = new List<AuthChallenge>();
        var pos = 0;
        var text = headerValue ?? "";
        while (true)
        {
            SkipSeparators(text, ref pos);
            var scheme = ReadToken(text, ref pos);
            if (scheme.Length == 0)
            {
                return challenges;
            }

            challenges.Add(new AuthChallenge(scheme, ReadParameters(text, ref pos)));
        }
    }

    /// <summary>The first Bearer challenge, else the first Basic one, else null.</summary>
    public static AuthChallenge? Preferred(IReadOnlyList<AuthChallenge> challenges) =>
        challenges.FirstOrDefault(c => c.IsBearer) ?? challenges.FirstOrDefault(c => c.IsBasic);

    private static Dictionary<string, string> ReadParameters(string text, ref int pos)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            SkipWhitespace(text, ref pos);
            var start = pos;
            var name = ReadToken(text, ref pos);
            SkipWhitespace(text, ref pos);
            if (name.Length == 0 || pos >= text.Length || text[pos] != '=')
            {
                pos = start; // the next challenge's scheme (or the end)
                return parameters;
            }

            pos++;
            SkipWhitespace(text, ref pos);
            parameters[name.ToLowerInvariant()] = pos < text.Length && text[pos] == '"' ? ReadQuoted(text, ref pos) : ReadToken(text, ref pos);
            SkipWhitespace(text, ref pos);
            if (pos < text.Length && text[pos] == ',')
            {
                pos++;
            }
        }
    }

    private static string ReadToken(string text, ref int pos)
    {
        var start = pos;
        while (pos < text.Length && IsTokenChar(text[pos]))
        {
            pos++;
        }

        return text[start..pos];
    }

    private static string ReadQuoted(string text, ref int pos)
    {
        var value = new StringBuilder();
        pos++; // opening quote
        while (pos < text.Length && text[pos] != '"')
        {
            if (text[pos] == '\\' && pos + 1 < text.Length)
            {
                pos++;
            }

            value.Append(text[pos]);
            pos++;
        }

        pos = Math.Min(pos + 1, text.Length); // closing quote
        return value.ToString();
    }

    private static void SkipWhitespace(string text, ref int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t')
        {
            pos++;
        }
    }

    private static void SkipSeparators(string text, ref int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t' or ',')
        {
            pos++;
        }
    }

    // RFC 7230 tchar; '/' is accepted too so that unquoted URLs and scopes survive.
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^'
            or '_' or '`' or '|' or '~' or '/' or ':';
}
