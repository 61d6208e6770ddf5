using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContainerFactory.Protocol.Ditto;

/// <summary>
/// Writes outbound Ditto envelopes with the exact member order and header rules of kanto-protocol §2.4/§2.7:
/// replies are <c>{"topic","headers","path"[,"value"],"status"}</c>; twin commands are
/// <c>{"topic","headers","path"[,"value"]}</c>. Headers are written in sorted order. Every message carries a
/// <c>correlation-id</c> (required by Ditto's envelope schema, PRODUCT.md §2.4).
/// </summary>
public static class DittoWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Echo ids and texts as they came (e.g. "<UUID>"), still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>Writes a command reply. <c>content-type</c> is written exactly when there is a value.</summary>
    public static void WriteResponse(IBufferWriter<byte> output, DittoResponse response)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteString("topic"u8, response.Topic);
        writer.WriteStartObject("headers"u8);
        if (response.Value.HasValue)
        {
            writer.WriteString("content-type"u8, DittoConstants.JsonContentType);
        }

        writer.WriteString("correlation-id"u8, response.CorrelationId);
        writer.WriteEndObject();
        writer.WriteString("path"u8, response.Path);
        if (response.Value.HasValue)
        {
            writer.WritePropertyName("value"u8);
            WriteValue(writer, response.Value);
        }

        writer.WriteNumber("status"u8, response.Status);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a twin modify command <c>&lt;ns&gt;/&lt;name&gt;/things/twin/commands/modify</c> with headers
    /// <c>{"correlation-id":…,"response-required":false}</c>; <paramref name="writeValue"/> writes one JSON value.
    /// </summary>
    public static void WriteTwinModify<TState>(
        IBufferWriter<byte> output,
        DittoThingId thing,
        string path,
        string correlationId,
        TState state,
        Action<Utf8JsonWriter, TState> writeValue)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        WriteTwinHead(writer, thing.TopicPrefix + DittoConstants.TwinModifySuffix, path, correlationId);
        writer.WritePropertyName("value"u8);
        writeValue(writer, state);
        writer.WriteEndObject();
    }

    /// <summary>Writes a twin delete command (no value) for <paramref name="path"/>.</summary>
    public static void WriteTwinDelete(IBufferWriter<byte> output, DittoThingId thing, string path, string correlationId)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        WriteTwinHead(writer, thing.TopicPrefix + DittoConstants.TwinDeleteSuffix, path, correlationId);
        writer.WriteEndObject();
    }

    /// <summary>Writes the error object <c>{"error","status","message"[,"description"]}</c>.</summary>
    public static void WriteError(Utf8JsonWriter writer, DittoError error)
    {
        writer.WriteStartObject();
        writer.WriteString("error"u8, error.Code);
        writer.WriteNumber("status"u8, error.Status);
        writer.WriteString("message"u8, error.Message);
        if (error.Description is not null)
        {
            writer.WriteString("description"u8, error.Description);
        }

        writer.WriteEndObject();
    }

    private static void WriteTwinHead(Utf8JsonWriter writer, string topic, string path, string correlationId)
    {
        writer.WriteStartObject();
        writer.WriteString("topic"u8, topic);
        writer.WriteStartObject("headers"u8);
        writer.WriteString("correlation-id"u8, correlationId);
        writer.WriteBoolean("response-required"u8, false);
        writer.WriteEndObject();
        writer.WriteString("path"u8, path);
    }

    private static void WriteValue(Utf8JsonWriter writer, DittoValue value)
    {
        if (value.Error is not null)
        {
            WriteError(writer, value.Error);
        }
        else if (value.Text is not null)
        {
            writer.WriteStringValue(value.Text);
        }
        else
        {
            writer.WriteRawValue(value.RawJson.Span, skipInputValidation: false);
        }
    }
}
