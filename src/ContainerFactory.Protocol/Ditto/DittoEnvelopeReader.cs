using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ContainerFactory.Protocol.Ditto;

/// <summary>
/// Reads a Ditto protocol envelope in one forward pass over the payload with <see cref="Utf8JsonReader"/>:
/// no allocations, <c>value</c> kept as a slice, trailing commas accepted (comments are not JSON and are rejected), envelope member names
/// matched ASCII case-insensitively (as Go's decoder does in Kanto), header names case-insensitively (as Ditto
/// does). Malformed input is reported in <see cref="DittoEnvelope.Error"/>; this reader never throws.
/// </summary>
public static class DittoEnvelopeReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = true,
    };

    /// <summary>Reads one envelope from <paramref name="payload"/> (a single-segment convenience).</summary>
    public static DittoEnvelope Read(ReadOnlyMemory<byte> payload) => Read(new ReadOnlySequence<byte>(payload));

    /// <summary>Reads one envelope from <paramref name="payload"/>. Never throws.</summary>
    public static DittoEnvelope Read(ReadOnlySequence<byte> payload)
    {
        var state = new EnvelopeState();
        try
        {
            // The span reader is markedly faster; the sequence reader handles payloads split across segments.
            var reader = payload.IsSingleSegment
                ? new Utf8JsonReader(payload.FirstSpan, Options)
                : new Utf8JsonReader(payload, Options);
            ReadRoot(ref reader, payload, ref state);
        }
        catch (JsonException)
        {
            state.Error = new EnvelopeError(EnvelopeErrorKind.InvalidJson, string.Empty);
        }

        return state.ToEnvelope();
    }

    private static void ReadRoot(ref Utf8JsonReader reader, ReadOnlySequence<byte> payload, ref EnvelopeState state)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            state.Error = new EnvelopeError(EnvelopeErrorKind.InvalidJson, string.Empty);
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (NameIs(ref reader, "topic"u8))
            {
                state.Topic = ReadString(ref reader, payload, EnvelopeErrorKind.InvalidMember, "topic", ref state.Error);
            }
            else if (NameIs(ref reader, "path"u8))
            {
                state.Path = ReadString(ref reader, payload, EnvelopeErrorKind.InvalidMember, "path", ref state.Error);
            }
            else if (NameIs(ref reader, "headers"u8))
            {
                ReadHeaders(ref reader, payload, ref state);
            }
            else if (NameIs(ref reader, "value"u8))
            {
                ReadValue(ref reader, payload, ref state);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Anything after the root object other than whitespace is not JSON.
        if (reader.Read())
        {
            state.Error = new EnvelopeError(EnvelopeErrorKind.InvalidJson, string.Empty);
        }
    }

    private static void ReadHeaders(ref Utf8JsonReader reader, ReadOnlySequence<byte> payload, ref EnvelopeState state)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            SetFirst(ref state.Error, EnvelopeErrorKind.InvalidMember, "headers");
            reader.Skip();
            return;
        }

        state.HasHeaders = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (NameIs(ref reader, "correlation-id"u8))
            {
                state.CorrelationId = ReadString(ref reader, payload, EnvelopeErrorKind.InvalidHeader, DittoConstants.CorrelationIdHeader, ref state.Error);
            }
            else if (NameIs(ref reader, "content-type"u8))
            {
                state.ContentType = ReadString(ref reader, payload, EnvelopeErrorKind.InvalidHeader, DittoConstants.ContentTypeHeader, ref state.Error);
            }
            else if (NameIs(ref reader, "response-required"u8))
            {
                state.ResponseRequired = ReadResponseRequired(ref reader, ref state.Error);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static void ReadValue(ref Utf8JsonReader reader, ReadOnlySequence<byte> payload, ref EnvelopeState state)
    {
        reader.Read();
        long start = reader.TokenStartIndex;
        state.ValueKind = reader.TokenType switch
        {
            JsonTokenType.StartObject => DittoValueKind.Object,
            JsonTokenType.StartArray => DittoValueKind.Array,
            JsonTokenType.String => DittoValueKind.String,
            JsonTokenType.Number => DittoValueKind.Number,
            JsonTokenType.True or JsonTokenType.False => DittoValueKind.Boolean,
            _ => DittoValueKind.Null,
        };
        reader.Skip();
        state.Value = payload.Slice(start, reader.BytesConsumed - start);
    }

    /// <summary>A string member or header: its slice, nothing for null, else <paramref name="kind"/> naming it.</summary>
    private static JsonStringSlice ReadString(
        ref Utf8JsonReader reader, ReadOnlySequence<byte> payload, EnvelopeErrorKind kind, string member, ref EnvelopeError error)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Slice(ref reader, payload);
            case JsonTokenType.Null:
                return default;
            default:
                SetFirst(ref error, kind, member);
                reader.Skip();
                return default;
        }
    }

    private static bool? ReadResponseRequired(ref Utf8JsonReader reader, ref EnvelopeError error)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when StringIs(ref reader, "true"u8):
                // Ditto's own JSON writes header values as strings; accept both spellings.
                return true;
            case JsonTokenType.String when StringIs(ref reader, "false"u8):
                return false;
            default:
                SetFirst(ref error, EnvelopeErrorKind.InvalidHeader, DittoConstants.ResponseRequiredHeader);
                reader.Skip();
                return null;
        }
    }

    private static JsonStringSlice Slice(ref Utf8JsonReader reader, ReadOnlySequence<byte> payload)
    {
        // TokenStartIndex points at the opening quote and BytesConsumed just past the closing one.
        long start = reader.TokenStartIndex + 1;
        long length = reader.BytesConsumed - 1 - start;
        return new JsonStringSlice(payload.Slice(start, length), reader.ValueIsEscaped);
    }

    private static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> lowerName) =>
        reader.ValueTextEquals(lowerName) || AsciiEqualsIgnoreCase(ref reader, lowerName);

    private static bool StringIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> lowerText) =>
        reader.ValueTextEquals(lowerText) || AsciiEqualsIgnoreCase(ref reader, lowerText);

    private static bool AsciiEqualsIgnoreCase(ref Utf8JsonReader reader, ReadOnlySpan<byte> lower)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length != lower.Length)
        {
            return false;
        }

        return Ascii.EqualsIgnoreCase(reader.ValueSpan, lower);
    }

    private static void SetFirst(ref EnvelopeError error, EnvelopeErrorKind kind, string member)
    {
        if (error.Kind == EnvelopeErrorKind.None)
        {
            error = new EnvelopeError(kind, member);
        }
    }

    private struct EnvelopeState
    {
        public EnvelopeError Error;
        public JsonStringSlice Topic;
        public JsonStringSlice Path;
        public bool HasHeaders;
        public JsonStringSlice CorrelationId;
        public JsonStringSlice ContentType;
        public bool? ResponseRequired;
        public DittoValueKind ValueKind;
        public ReadOnlySequence<byte> Value;

        public readonly DittoEnvelope ToEnvelope() => new()
        {
            Error = Error.Kind == EnvelopeErrorKind.None ? EnvelopeError.None : Error,
            Topic = Topic,
            Path = Path,
            HasHeaders = HasHeaders,
            CorrelationId = CorrelationId,
            ContentType = ContentType,
            ResponseRequired = ResponseRequired,
            ValueKind = ValueKind,
            Value = Value,
        };
    }
}
