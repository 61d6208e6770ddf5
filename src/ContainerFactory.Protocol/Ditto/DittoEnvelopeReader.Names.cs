using System.Text;
using System.Text.Json;

namespace ContainerFactory.Protocol.Ditto;

public static partial class DittoEnvelopeReader
{
    private enum Member
    {
        Other,
        Topic,
        Path,
        Headers,
        Value,
    }

    private enum Header
    {
        Other,
        CorrelationId,
        ContentType,
        ResponseRequired,
    }

    /// <summary>The envelope member the current property name denotes, ASCII case-insensitively.</summary>
    private static Member MatchMember(ref Utf8JsonReader reader)
    {
        if (IsPlainName(ref reader))
        {
            return MatchMember(reader.ValueSpan);
        }

        Span<byte> name = stackalloc byte[MaxRawName];
        return TryUnescape(ref reader, name, out int length) ? MatchMember(name[..length]) : Member.Other;
    }

    /// <summary>
    /// The envelope member an unescaped name denotes. Such a name matches exactly when it equals the lower-case
    /// name ignoring ASCII case, so one comparison, chosen by length and first letter, decides.
    /// </summary>
    private static Member MatchMember(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when Ascii.EqualsIgnoreCase(name, "path"u8) => Member.Path,
        5 when (name[0] | 0x20) == 't' && Ascii.EqualsIgnoreCase(name, "topic"u8) => Member.Topic,
        5 when (name[0] | 0x20) == 'v' && Ascii.EqualsIgnoreCase(name, "value"u8) => Member.Value,
        7 when Ascii.EqualsIgnoreCase(name, "headers"u8) => Member.Headers,
        _ => Member.Other,
    };

    /// <summary>The known header the current property name denotes, ASCII case-insensitively.</summary>
    private static Header MatchHeader(ref Utf8JsonReader reader)
    {
        if (IsPlainName(ref reader))
        {
            return MatchHeader(reader.ValueSpan);
        }

        Span<byte> name = stackalloc byte[MaxRawName];
        return TryUnescape(ref reader, name, out int length) ? MatchHeader(name[..length]) : Header.Other;
    }

    /// <summary>The known header an unescaped name denotes (see <see cref="MatchMember(ReadOnlySpan{byte})"/>).</summary>
    private static Header MatchHeader(ReadOnlySpan<byte> name) => name.Length switch
    {
        12 when Ascii.EqualsIgnoreCase(name, "content-type"u8) => Header.ContentType,
        14 when Ascii.EqualsIgnoreCase(name, "correlation-id"u8) => Header.CorrelationId,
        17 when Ascii.EqualsIgnoreCase(name, "response-required"u8) => Header.ResponseRequired,
        _ => Header.Other,
    };

    /// <summary>True when the current token's text is one contiguous, unescaped span.</summary>
    private static bool IsPlainName(ref Utf8JsonReader reader) => !reader.ValueIsEscaped && !reader.HasValueSequence;

    /// <summary>
    /// The longest raw (escaped or split) text that can still denote a known name or value: every letter of the
    /// longest, <c>response-required</c>, written as <c>\uXXXX</c> takes 102 bytes.
    /// </summary>
    private const int MaxRawName = 128;

    /// <summary>
    /// Whether the current string, unescaped, is <paramref name="lowerText"/> ignoring ASCII case — also when it is
    /// escaped or split across segments, like a plain one (Kanto's decoder unescapes, then ignores case).
    /// </summary>
    private static bool StringIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> lowerText)
    {
        if (IsPlainName(ref reader))
        {
            return Ascii.EqualsIgnoreCase(reader.ValueSpan, lowerText);
        }

        Span<byte> text = stackalloc byte[MaxRawName];
        return TryUnescape(ref reader, text, out int length) && Ascii.EqualsIgnoreCase(text[..length], lowerText);
    }

    /// <summary>
    /// Copies the current string or name, unescaped, into <paramref name="buffer"/>; false (nothing copied) when its
    /// raw text is longer than the buffer, which no known name or value is. Never allocates.
    /// </summary>
    private static bool TryUnescape(ref Utf8JsonReader reader, scoped Span<byte> buffer, out int length)
    {
        long raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (raw > buffer.Length)
        {
            length = 0;
            return false;
        }

        // The unescaped text is never longer than the raw text.
        length = reader.CopyString(buffer);
        return true;
    }
}
