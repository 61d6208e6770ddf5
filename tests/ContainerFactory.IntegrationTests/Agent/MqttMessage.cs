using System.Text;
using System.Text.Json;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>A message the cloud saw on the broker, with readers for the Ditto envelope it carries.</summary>
internal sealed class MqttMessage
{
    private readonly Lazy<JsonElement?> _json;

    public MqttMessage(string topic, byte[] payload, bool retained)
    {
        Topic = topic;
        Payload = payload;
        Retained = retained;
        _json = new Lazy<JsonElement?>(() =>
        {
            try
            {
                using var document = JsonDocument.Parse(payload);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        });
    }

    public string Topic { get; }

    public byte[] Payload { get; }

    public bool Retained { get; }

    public string Text => Encoding.UTF8.GetString(Payload);

    /// <summary>The payload as JSON; fails the test when it is not JSON.</summary>
    public JsonElement Json => _json.Value ?? throw new InvalidOperationException($"payload on {Topic} is not JSON: {Text}");

    public bool IsJson => _json.Value is not null;

    /// <summary>The envelope's <c>path</c>; empty when absent or not a Ditto envelope.</summary>
    public string DittoPath => IsJson && Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("path", out JsonElement p) && p.ValueKind == JsonValueKind.String
        ? p.GetString()!
        : "";

    /// <summary>The envelope's <c>topic</c>; empty when absent.</summary>
    public string DittoTopic => IsJson && Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("topic", out JsonElement t) && t.ValueKind == JsonValueKind.String
        ? t.GetString()!
        : "";

    public int Status => Json.GetProperty("status").GetInt32();

    public JsonElement Value => Json.GetProperty("value");

    public JsonElement Headers => Json.GetProperty("headers");

    /// <summary>Header names in order, each with its raw JSON value.</summary>
    public IReadOnlyList<(string Name, string Raw)> HeaderList =>
        [.. Headers.EnumerateObject().Select(h => (h.Name, h.Value.GetRawText()))];

    public string CorrelationId => Headers.GetProperty("correlation-id").GetString()!;

    /// <summary>
    /// The container state <c>status</c> this twin message carries: the state value itself, or the state inside a full
    /// Container feature; empty for other messages (deletes, other features).
    /// </summary>
    public string StateStatus
    {
        get
        {
            if (!IsJson || !Json.TryGetProperty("value", out JsonElement value) || value.ValueKind != JsonValueKind.Object)
            {
                return "";
            }

            if (DittoPath.EndsWith("/properties/status/state", StringComparison.Ordinal))
            {
                return value.GetProperty("status").GetString()!;
            }

            return value.TryGetProperty("properties", out JsonElement properties)
                && properties.TryGetProperty("status", out JsonElement status)
                && status.TryGetProperty("state", out JsonElement state)
                ? state.GetProperty("status").GetString()!
                : "";
        }
    }

    public override string ToString() => $"{Topic} {Text}";
}
