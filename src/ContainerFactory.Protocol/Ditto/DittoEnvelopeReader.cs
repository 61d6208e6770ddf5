using System.Buffers;
using System.Text.Json;

namespace ContainerFactory.Protocol.Ditto;

/// <summary>
/// Reads a Ditto protocol envelope in one forward pass over the payload: no allocations, <c>value</c> kept as a
/// slice, trailing commas accepted (comments are not JSON and are rejected), envelope member names matched ASCII
/// case-insensitively (as Go's decoder does in Kanto), header names case-insensitively (as Ditto does). Malformed
/// input is reported in <see cref="DittoEnvelope.Error"/>; this reader never throws.
/// </summary>
/// <remarks>
/// Two paths give the same envelope for every payload. A contiguous, well-formed payload is read by
/// <see cref="JsonScanner"/>, which accepts only JSON that <see cref="Utf8JsonReader"/> accepts and costs a
/// fraction of the reader's per-token work (PRODUCT.md §6: the create example in ≤ 300 ns). Everything else — a
/// payload split across segments, any error, the rare forms the scanner leaves alone — is read (again, from the
/// start) by <see cref="Utf8JsonReader"/>, which alone decides what is reported.
/// </remarks>
public static partial class DittoEnvelopeReader
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
        if (!payload.IsSingleSegment || !TryReadContiguous(payload, ref state))
        {
            // Start again from nothing: the fast path may have filled in members before it gave up.
            state = default;
            ReadWithJsonReader(payload, ref state);
        }

        return new DittoEnvelope(state);
    }

    /// <summary>The general path: any payload, every error reported, with <see cref="Utf8JsonReader"/>.</summary>
    private static void ReadWithJsonReader(ReadOnlySequence<byte> payload, ref EnvelopeState state)
    {
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
            switch (MatchMember(ref reader))
            {
                case Member.Topic:
                    state.Topic = ReadString(ref reader, payload, EnvelopeErrorKind.InvalidMember, "topic", ref state.Error);
                    break;
                case Member.Path:
                    state.Path = ReadString(ref reader, payload, EnvelopeErrorKind.InvalidMember, "path", ref state.Error);
                    break;
                case Member.Headers:
                    ReadHeaders(ref reader, payload, ref state);
                    break;
                case Member.Value:
                    ReadValue(ref reader, payload, ref state);
                    break;
                default:
                    reader.Read();
                    reader.Skip();
                    break;
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
            switch (MatchHeader(ref reader))
            {
                case Header.CorrelationId:
                    state.CorrelationId = ReadString(ref reader, payload, EnvelopeErrorKind.InvalidHeader, DittoConstants.CorrelationIdHeader, ref state.Error);
                    break;
                case Header.ContentType:
                    state.ContentType = ReadString(ref reader, payload, EnvelopeErrorKind.InvalidHeader, DittoConstants.ContentTypeHeader, ref state.Error);
                    break;
                case Header.ResponseRequired:
                    state.ResponseRequired = ReadResponseRequired(ref reader, ref state.Error);
                    break;
                default:
                    reader.Read();
                    reader.Skip();
                    break;
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

    private static void SetFirst(ref EnvelopeError error, EnvelopeErrorKind kind, string member)
    {
        if (error.Kind == EnvelopeErrorKind.None)
        {
            error = new EnvelopeError(kind, member);
        }
    }
}
