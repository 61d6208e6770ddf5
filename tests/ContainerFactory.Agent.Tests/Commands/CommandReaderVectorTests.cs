using System.Buffers;
using System.Text;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Protocol.Ditto;
using ContainerFactory.Protocol.Hono;

namespace ContainerFactory.Agent.Tests.Commands;

/// <summary>
/// Drives every golden vector through the command reader as the agent does: the agent serves the thing its
/// subscription names (the MQTT topic's thing), knows no containers, and makes the id <see cref="NewId"/>.
/// </summary>
public class CommandReaderVectorTests
{
    public const string NewId = "6f1d2c8e-0d6b-4c5e-9a57-1b2f0c3d4e5f";

    public static TheoryData<string> Vectors() => new(DittoVector.All());

    public static OutboundMessage? Reply(string mqttTopic, byte[] payload)
    {
        string thing = HonoCommandTopic.TryParse(mqttTopic, out HonoCommandTopic t) ? t.ThingId : "edge:device";
        var context = new InboundContext(thing, static _ => false, static () => NewId);
        return CommandReader.Read(mqttTopic, new ReadOnlySequence<byte>(payload), context) switch
        {
            AcceptedInbound { Command: CreateContainerCommand create } => create.Reply.Success(DittoValue.FromString(create.ContainerId)),
            RejectedInbound rejected => rejected.Reply.Failure(rejected.Error),
            DroppedInbound => null,
            var other => throw new InvalidOperationException($"unexpected {other}"),
        };
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Read_GoldenVector_GivesTheExactReply(string name)
    {
        var vector = new DittoVector(name);

        OutboundMessage? reply = Reply(vector.RequestTopic, vector.RequestPayload);

        Assert.Equal(vector.ResponseTopic, reply?.Topic);
        Assert.Equal(vector.ResponsePayload, reply is null ? null : Encoding.UTF8.GetString(reply.Payload.Span));
    }
}
