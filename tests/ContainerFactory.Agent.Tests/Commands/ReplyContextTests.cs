using System.Runtime.InteropServices;
using System.Text;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Protocol.Ditto;
using ContainerFactory.Protocol.Hono;

namespace ContainerFactory.Agent.Tests.Commands;

public sealed class ReplyContextTests
{
    private static ReplyContext Context()
    {
        Assert.True(HonoCommandTopic.TryParse("command//edge:device/req/r1/create", out HonoCommandTopic topic));
        return new ReplyContext(ReplyRoute.For(topic, responseRequired: null), "edge/device/things/live/messages/create",
            "/features/ContainerFactory/outbox/messages/create", "c1");
    }

    [Fact]
    public void Success_Payload_IsAnArrayOfExactlyItsLength()
    {
        OutboundMessage reply = Context().Success(DittoValue.FromString("9f0c0f5e-2c1b-4f6e-a3a5-1d0f7d3c2b11"))!;

        Assert.True(MemoryMarshal.TryGetArray(reply.Payload, out ArraySegment<byte> segment));
        Assert.Equal(0, segment.Offset);
        Assert.Equal(reply.Payload.Length, segment.Array!.Length);
        Assert.Equal(
            """{"topic":"edge/device/things/live/messages/create","headers":{"content-type":"application/json","correlation-id":"c1"},"path":"/features/ContainerFactory/outbox/messages/create","value":"9f0c0f5e-2c1b-4f6e-a3a5-1d0f7d3c2b11","status":200}""",
            Encoding.UTF8.GetString(reply.Payload.Span));
    }
}
