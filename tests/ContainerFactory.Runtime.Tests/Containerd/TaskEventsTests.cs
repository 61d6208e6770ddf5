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

    [Fact]
    public void TryDecodeStart_BareTypeUrl_DecodesContainerAndPid()
    {
        var payload = new EventTypes.TaskStart { ContainerId = "c1", Pid = 4242 };

        Assert.True(TaskEvents.TryDecodeStart(Envelope("containerd.events.TaskStart", payload), out string? id, out uint pid));
        Assert.Equal(("c1", 4242u), (id, pid));
    }

    [Fact]
    public void TryDecodeStart_ExitEvent_ReturnsFalse() =>
        Assert.False(TaskEvents.TryDecodeStart(Envelope("containerd.events.TaskExit", new EventTypes.TaskExit { ContainerId = "c1" }), out _, out _));

    [Fact]
    public void ContainerEvents_CreateAndDelete_DecodeTheId()
    {
        var create = new EventTypes.ContainerCreate { Id = "c1", Image = "docker.io/library/busybox:latest", Runtime = new() { Name = "io.containerd.runc.v2" } };

        Assert.True(ContainerEvents.TryDecodeCreate(Envelope("containerd.events.ContainerCreate", create), out string? created));
        Assert.True(ContainerEvents.TryDecodeDelete(Envelope("containerd.events.ContainerDelete", new EventTypes.ContainerDelete { Id = "c2" }), out string? deleted));
        Assert.Equal(("c1", "c2"), (created, deleted));
    }

    [Fact]
    public void ContainerEvents_OtherTypeOrMalformedPayload_ReturnFalse()
    {
        Assert.False(ContainerEvents.TryDecodeCreate(Envelope("containerd.events.ContainerDelete", new EventTypes.ContainerDelete { Id = "c2" }), out _));
        Assert.False(ContainerEvents.TryDecodeDelete(Envelope("containerd.events.ContainerCreate", new EventTypes.ContainerCreate { Id = "c1" }), out _));
        Assert.False(ContainerEvents.TryDecodeDelete(new ContainerdEvent(null, "ns", ContainerEvents.DeleteTopic, "containerd.events.ContainerDelete", new byte[] { 0x0a, 0x05, 0x61 }), out _));
    }
}
