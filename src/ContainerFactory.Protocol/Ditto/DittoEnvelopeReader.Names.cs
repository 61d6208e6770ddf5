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
        if (!IsPlainName(ref reader))
        {
            return NameIs(ref reader, "topic"u8) ? Member.Topic
                : NameIs(ref reader, "path"u8) ? Member.Path
                : NameIs(ref reader, "headers"u8) ? Member.Headers
                : NameIs(ref reader, "value"u8) ? Member.Value
                : Member.Other;
        }

        return MatchMember(reader.ValueSpan);
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
        if (!IsPlainName(ref reader))
        {
            return NameIs(ref reader, "correlation-id"u8) ? Header.CorrelationId
                : NameIs(ref reader, "content-type"u8) ? Header.ContentType
                : NameIs(ref reader, "response-required"u8) ? Header.ResponseRequired
                : Header.Other;
        }

        return MatchHeader(reader.ValueSpan);
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

    /// <summary>The general comparison: exactly after unescaping, or ASCII case-insensitively when plain.</summary>
    private static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> lowerName) =>
        reader.ValueTextEquals(lowerName) || AsciiEqualsIgnoreCase(ref reader, lowerName);

    private static bool StringIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> lowerText) =>
        reader.ValueTextEquals(lowerText) || AsciiEqualsIgnoreCase(ref reader, lowerText);

    private static bool AsciiEqualsIgnoreCase(ref Utf8JsonReader reader, ReadOnlySpan<byte> lower)
    {
        if (!IsPlainName(ref reader) || reader.ValueSpan.Length != lower.Length)
        {
            return false;
        }

        return Ascii.EqualsIgnoreCase(reader.ValueSpan, lower);
    }
}
