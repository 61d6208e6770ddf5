using System.Text.Json;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>Ditto command envelopes as the cloud sends them (kanto-protocol §2.1), for the thing <c>edge:device</c>.</summary>
internal static class DittoCommand
{
    /// <summary>The Ditto topic prefix of <c>edge:device</c>.</summary>
    public const string DittoThing = "edge/device";

    /// <summary>A ContainerFactory operation; <paramref name="value"/> is raw JSON.</summary>
    public static byte[] Factory(string operation, string correlationId, string value, bool? responseRequired = true, string dittoThing = DittoThing) =>
        Envelope(dittoThing, operation, $"/features/ContainerFactory/inbox/messages/{operation}", correlationId, value, responseRequired);

    /// <summary>A Container:&lt;id&gt; operation; a null <paramref name="value"/> sends none (and no content-type).</summary>
    public static byte[] Container(string containerId, string operation, string correlationId, string? value = null, string dittoThing = DittoThing) =>
        Envelope(dittoThing, operation, $"/features/Container:{containerId}/inbox/messages/{operation}", correlationId, value, true);

    /// <summary>createWithConfig of <paramref name="imageRef"/> (not started) with the config given as raw JSON.</summary>
    public static string CreateValue(string imageRef, bool start, string config = "{}") =>
        $$"""{"imageRef":"{{imageRef}}","start":{{(start ? "true" : "false")}},"config":{{config}}}""";

    private static byte[] Envelope(string dittoThing, string operation, string path, string correlationId, string? value, bool? responseRequired)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("topic", $"{dittoThing}/things/live/messages/{operation}");
            w.WriteStartObject("headers");
            if (responseRequired is { } required)
            {
                w.WriteBoolean("response-required", required);
            }

            if (value is not null)
            {
                w.WriteString("content-type", "application/json");
            }

            w.WriteString("correlation-id", correlationId);
            w.WriteEndObject();
            w.WriteString("path", path);
            if (value is not null)
            {
                w.WritePropertyName("value");
                w.WriteRawValue(value);
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
