using System.Buffers;
using System.Text;
using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Protocol.Tests.Ditto;

public class DittoWriterTests
{
    private static readonly DittoThingId Thing = new("edge", "device:edge:containers");

    private static string Written(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void WriteResponse_ContainerId_MatchesKantoV1()
    {
        var response = new DittoResponse(
            "edge/device:edge:containers/things/live/messages/create",
            "/features/ContainerFactory/outbox/messages/create",
            "c-1",
            200,
            DittoValue.FromString("6f1d2c8e-0d6b-4c5e-9a57-1b2f0c3d4e5f"));

        Assert.Equal(
            "{\"topic\":\"edge/device:edge:containers/things/live/messages/create\",\"headers\":{\"content-type\":\"application/json\",\"correlation-id\":\"c-1\"},\"path\":\"/features/ContainerFactory/outbox/messages/create\",\"value\":\"6f1d2c8e-0d6b-4c5e-9a57-1b2f0c3d4e5f\",\"status\":200}",
            Written(b => DittoWriter.WriteResponse(b, response)));
    }

    [Fact]
    public void WriteResponse_NoContent_HasNoValueAndNoContentType()
    {
        var response = new DittoResponse(
            "edge/device:edge:containers/things/live/messages/start", "/features/Container:6f1d/outbox/messages/start", "c-2", 204, DittoValue.None);

        Assert.Equal(
            "{\"topic\":\"edge/device:edge:containers/things/live/messages/start\",\"headers\":{\"correlation-id\":\"c-2\"},\"path\":\"/features/Container:6f1d/outbox/messages/start\",\"status\":204}",
            Written(b => DittoWriter.WriteResponse(b, response)));
    }

    [Fact]
    public void WriteResponse_Error_WritesErrorStatusMessageInOrder()
    {
        var error = new DittoError(DittoConstants.SubjectNotFound, 404, "unsupported operation foo");
        var response = new DittoResponse("a/b/things/live/messages/foo", "/features/ContainerFactory/outbox/messages/foo", "c-1", 404, DittoValue.FromError(error));

        Assert.Equal(
            "{\"topic\":\"a/b/things/live/messages/foo\",\"headers\":{\"content-type\":\"application/json\",\"correlation-id\":\"c-1\"},\"path\":\"/features/ContainerFactory/outbox/messages/foo\",\"value\":{\"error\":\"messages:subject.notfound\",\"status\":404,\"message\":\"unsupported operation foo\"},\"status\":404}",
            Written(b => DittoWriter.WriteResponse(b, response)));
    }

    [Fact]
    public void WriteResponse_ErrorWithDescription_AppendsDescription()
    {
        var error = new DittoError(DittoConstants.ParameterInvalid, 400, "m", "d");
        var response = new DittoResponse("t", "/", "c", 400, DittoValue.FromError(error));

        Assert.Contains("\"value\":{\"error\":\"messages:parameter.invalid\",\"status\":400,\"message\":\"m\",\"description\":\"d\"}", Written(b => DittoWriter.WriteResponse(b, response)), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteResponse_CorrelationIdWithAngleBrackets_IsEchoedUnescaped()
    {
        var response = new DittoResponse("t", "/p", "<UUID>", 200, DittoValue.FromRawJson("{\"a\":1}"u8.ToArray()));

        Assert.Equal(
            "{\"topic\":\"t\",\"headers\":{\"content-type\":\"application/json\",\"correlation-id\":\"<UUID>\"},\"path\":\"/p\",\"value\":{\"a\":1},\"status\":200}",
            Written(b => DittoWriter.WriteResponse(b, response)));
    }

    [Fact]
    public void WriteTwinModify_State_MatchesKantoShapeWithCorrelationId()
    {
        string json = Written(b => DittoWriter.WriteTwinModify(
            b, Thing, DittoPath.FeatureProperty("Container:3f0c", "status/state"), "k-1", 4242,
            static (w, pid) =>
            {
                w.WriteStartObject();
                w.WriteString("status", "RUNNING");
                w.WriteNumber("pid", pid);
                w.WriteEndObject();
            }));

        Assert.Equal(
            "{\"topic\":\"edge/device:edge:containers/things/twin/commands/modify\",\"headers\":{\"correlation-id\":\"k-1\",\"response-required\":false},\"path\":\"/features/Container:3f0c/properties/status/state\",\"value\":{\"status\":\"RUNNING\",\"pid\":4242}}",
            json);
    }

    [Fact]
    public void WriteTwinDelete_Feature_HasNoValue()
    {
        Assert.Equal(
            "{\"topic\":\"edge/device:edge:containers/things/twin/commands/delete\",\"headers\":{\"correlation-id\":\"k-2\",\"response-required\":false},\"path\":\"/features/Container:3f0c\"}",
            Written(b => DittoWriter.WriteTwinDelete(b, Thing, DittoPath.Feature("Container:3f0c"), "k-2")));
    }
}
