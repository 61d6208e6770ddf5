using System.Text.Json;
using ContainerFactory.Agent.Commands;

namespace ContainerFactory.Agent.Tests.Commands;

/// <summary>
/// Every reply of every golden vector obeys the required members and types of Ditto's published protocol
/// envelope and error-response schemas (PRODUCT.md §2.4): topic, headers with a string correlation-id, path;
/// error replies also a numeric status and an error value with integer status and string error and message.
/// </summary>
public class DittoSchemaTests
{
    public static TheoryData<string> Vectors() => new(DittoVector.All());

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Reply_OfEveryVector_IsAValidDittoEnvelope(string name)
    {
        var vector = new DittoVector(name);
        OutboundMessage? reply = CommandReaderVectorTests.Reply(vector.RequestTopic, vector.RequestPayload);
        if (reply is null)
        {
            Assert.Null(vector.ResponseTopic);
            return;
        }

        using JsonDocument document = JsonDocument.Parse(reply.Payload);
        JsonElement root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("topic").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("path").ValueKind);
        JsonElement headers = root.GetProperty("headers");
        Assert.Equal(JsonValueKind.Object, headers.ValueKind);
        Assert.False(string.IsNullOrEmpty(headers.GetProperty("correlation-id").GetString()));
        Assert.False(headers.TryGetProperty("response-required", out _));
        int status = root.GetProperty("status").GetInt32();
        if (root.TryGetProperty("value", out JsonElement value))
        {
            Assert.NotEqual(JsonValueKind.Null, value.ValueKind);
            Assert.Equal("application/json", headers.GetProperty("content-type").GetString());
        }

        if (status >= 400)
        {
            Assert.Equal(JsonValueKind.Object, value.ValueKind);
            Assert.Equal(status, value.GetProperty("status").GetInt32());
            Assert.StartsWith("messages:", value.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(value.GetProperty("message").GetString()));
            Assert.True(value.EnumerateObject().All(p => p.Name is "error" or "status" or "message" or "description"));
        }
    }
}
