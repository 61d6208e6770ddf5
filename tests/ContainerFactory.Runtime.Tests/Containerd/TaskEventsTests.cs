using ContainerFactory.Runtime.Containerd;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using EventTypes = ContainerFactory.Runtime.Containerd.Api.EventTypes;

namespace ContainerFactory.Runtime.Tests.Containerd;

public sealed class TaskEventsTests
{
    private static ContainerdEvent Envelope(string typeUrl, IMessage payload) =>
        new(null, "kanto-cm", TaskEvents.ExitTopic, typeUrl, payload.ToByteArray());

    [Fact]
    public void TryDecodeExit_BareTypeUrl_DecodesFields()
    {
        var exitedAt = new DateTimeOffset(2026, 11, 29, 15, 35, 25, TimeSpan.Zero);
        var payload = new EventTypes.TaskExit
        {
            ContainerId = "c1", Id = "c1", Pid = 15471, ExitStatus = 137, ExitedAt = Timestamp.FromDateTimeOffset(exitedAt),
        };

        Assert.True(TaskEvents.TryDecodeExit(Envelope("containerd.events.TaskExit", payload), out var exit));
        Assert.Equal(new TaskExitEvent("c1", "c1", 15471, 137, exitedAt), exit);
        Assert.True(exit.IsInit);
    }

    [Fact]
    public void TryDecodeExit_ExecProcess_IsNotInit()
    {
        var payload = new EventTypes.TaskExit { ContainerId = "c1", Id = "e1", ExitStatus = 0 };

        Assert.True(TaskEvents.TryDecodeExit(Envelope("containerd.events.TaskExit", payload), out var exit));
        Assert.False(exit.IsInit);
        Assert.Null(exit.ExitedAt);
    }

    [Theory]
    [InlineData("type.googleapis.com/containerd.events.TaskExit")]
    [InlineData("containerd.events.TaskStart")]
    [InlineData("")]
    public void TryDecodeExit_OtherTypeUrl_ReturnsFalse(string typeUrl)
    {
        Assert.False(TaskEvents.TryDecodeExit(Envelope(typeUrl, new EventTypes.TaskExit { ContainerId = "c1" }), out _));
    }

    [Fact]
    public void TryDecodeExit_MalformedPayload_ReturnsFalse()
    {
        var envelope = new ContainerdEvent(null, "ns", TaskEvents.ExitTopic, "containerd.events.TaskExit", new byte[] { 0x0a, 0xff });

        Assert.False(TaskEvents.TryDecodeExit(envelope, out _));
    }

    [Fact]
    public void TryDecodeOom_BareTypeUrl_ReturnsContainerId()
    {
        var envelope = new ContainerdEvent(null, "ns", TaskEvents.OomTopic, "containerd.events.TaskOOM",
            new EventTypes.TaskOOM { ContainerId = "c9" }.ToByteArray());

        Assert.True(TaskEvents.TryDecodeOom(envelope, out var id));
        Assert.Equal("c9", id);
    }
}
