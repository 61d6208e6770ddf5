using System.Buffers;
using System.Text;

namespace ContainerFactory.Protocol.Ditto;

public static partial class DittoEnvelopeReader
{
    /// <summary>
    /// The fast path for a contiguous payload that is a well-formed envelope: one pass with
    /// <see cref="JsonScanner"/>, which validates every byte as <c>Utf8JsonReader</c> would but costs a fraction
    /// of the reader's per-token work. It returns false, leaving <paramref name="state"/> partly written, for
    /// anything it does not handle itself: every error (malformed JSON, a member of the wrong type), escaped
    /// member or header names, escaped <c>response-required</c> strings and nesting beyond
    /// <see cref="JsonScanner.MaxDepth"/>. The caller then reads the payload with <c>Utf8JsonReader</c>, which
    /// decides; so both paths give the same envelope for every payload.
    /// </summary>
    internal static bool TryReadContiguous(ReadOnlySequence<byte> payload, ref EnvelopeState state)
    {
        var scanner = new JsonScanner(payload.FirstSpan);
        if (!scanner.TryConsume((byte)'{'))
        {
            return false;
        }

        bool afterMember = false;
        while (scanner.TryNextMember(afterMember, out ReadOnlySpan<byte> name, out bool nameIsEscaped, out bool closed))
        {
            if (closed)
            {
                return scanner.IsAtEnd();
            }

            if (nameIsEscaped || !scanner.TryPeek(out byte first) || !TryReadMember(ref scanner, MatchMember(name), first, payload, ref state))
            {
                return false;
            }

            afterMember = true;
        }

        return false;
    }

    private static bool TryReadMember(ref JsonScanner scanner, Member member, byte first, ReadOnlySequence<byte> payload, ref EnvelopeState state)
    {
        switch (member)
        {
            case Member.Topic:
                return TryReadString(ref scanner, first, payload, out state.Topic);
            case Member.Path:
                return TryReadString(ref scanner, first, payload, out state.Path);
            case Member.Headers when first == (byte)'n':
                return scanner.TryConsumeLiteral("null"u8);
            case Member.Headers:
                return TryReadHeaders(ref scanner, payload, ref state);
            case Member.Value:
                return TryReadValue(ref scanner, first, payload, ref state);
            default:
                return scanner.TrySkipValue(1);
        }
    }

    private static bool TryReadValue(ref JsonScanner scanner, byte first, ReadOnlySequence<byte> payload, ref EnvelopeState state)
    {
        int start = scanner.Position;
        state.ValueKind = first switch
        {
            (byte)'{' => DittoValueKind.Object,
            (byte)'[' => DittoValueKind.Array,
            (byte)'"' => DittoValueKind.String,
            (byte)'t' or (byte)'f' => DittoValueKind.Boolean,
            (byte)'n' => DittoValueKind.Null,
            _ => DittoValueKind.Number,
        };
        if (!scanner.TrySkipValue(1))
        {
            return false;
        }

        state.Value = payload.Slice(start, scanner.Position - start);
        return true;
    }

    private static bool TryReadHeaders(ref JsonScanner scanner, ReadOnlySequence<byte> payload, ref EnvelopeState state)
    {
        if (!scanner.TryConsume((byte)'{'))
        {
            return false;
        }

        state.HasHeaders = true;
        bool afterMember = false;
        while (scanner.TryNextMember(afterMember, out ReadOnlySpan<byte> name, out bool nameIsEscaped, out bool closed))
        {
            if (closed)
            {
                return true;
            }

            if (nameIsEscaped || !scanner.TryPeek(out byte first))
            {
                return false;
            }

            bool read = MatchHeader(name) switch
            {
                Header.CorrelationId => TryReadString(ref scanner, first, payload, out state.CorrelationId),
                Header.ContentType => TryReadString(ref scanner, first, payload, out state.ContentType),
                Header.ResponseRequired => TryReadResponseRequired(ref scanner, first, payload, out state.ResponseRequired),
                _ => scanner.TrySkipValue(2),
            };
            if (!read)
            {
                return false;
            }

            afterMember = true;
        }

        return false;
    }

    /// <summary>A string member or header: its slice, or nothing for null; false for any other JSON type.</summary>
    private static bool TryReadString(ref JsonScanner scanner, byte first, ReadOnlySequence<byte> payload, out JsonStringSlice slice)
    {
        slice = default;
        if (first == (byte)'n')
        {
            return scanner.TryConsumeLiteral("null"u8);
        }

        if (!scanner.TryReadString(out int start, out int length, out bool isEscaped))
        {
            return false;
        }

        slice = new JsonStringSlice(payload.Slice(start, length), isEscaped);
        return true;
    }

    /// <summary><c>response-required</c>: a boolean, null, or the string <c>true</c>/<c>false</c> in any ASCII case.</summary>
    private static bool TryReadResponseRequired(ref JsonScanner scanner, byte first, ReadOnlySequence<byte> payload, out bool? value)
    {
        value = null;
        switch (first)
        {
            case (byte)'t':
                value = true;
                return scanner.TryConsumeLiteral("true"u8);
            case (byte)'f':
                value = false;
                return scanner.TryConsumeLiteral("false"u8);
            case (byte)'n':
                return scanner.TryConsumeLiteral("null"u8);
            case (byte)'"' when scanner.TryReadString(out int start, out int length, out bool isEscaped) && !isEscaped:
                ReadOnlySpan<byte> text = payload.FirstSpan.Slice(start, length);
                value = Ascii.EqualsIgnoreCase(text, "true"u8) ? true : Ascii.EqualsIgnoreCase(text, "false"u8) ? false : null;
                return value is not null;
            default:
                return false;
        }
    }
}
