using ContainerFactory.Runtime.Containerd;
using Google.Protobuf.Reflection;
using ContainersApi = ContainerFactory.Runtime.Containerd.Api.Containers;
using ContentApi = ContainerFactory.Runtime.Containerd.Api.Content;
using DiffApi = ContainerFactory.Runtime.Containerd.Api.Diff;
using EventsApi = ContainerFactory.Runtime.Containerd.Api.Events;
using EventTypes = ContainerFactory.Runtime.Containerd.Api.EventTypes;
using ImagesApi = ContainerFactory.Runtime.Containerd.Api.Images;
using LeasesApi = ContainerFactory.Runtime.Containerd.Api.Leases;
using SnapshotsApi = ContainerFactory.Runtime.Containerd.Api.Snapshots;
using TasksApi = ContainerFactory.Runtime.Containerd.Api.Tasks;
using VersionApi = ContainerFactory.Runtime.Containerd.Api.VersionService;

namespace ContainerFactory.Runtime.Tests.Containerd;

/// <summary>The generated code carries containerd's wire names: gRPC paths and Any type URLs depend on them.</summary>
public sealed class WireNamesTests
{
    public static TheoryData<string, string> Services => new()
    {
        { ContentApi.ContentReflection.Descriptor.Services[0].FullName, "containerd.services.content.v1.Content" },
        { ImagesApi.ImagesReflection.Descriptor.Services[0].FullName, "containerd.services.images.v1.Images" },
        { LeasesApi.LeasesReflection.Descriptor.Services[0].FullName, "containerd.services.leases.v1.Leases" },
        { SnapshotsApi.SnapshotsReflection.Descriptor.Services[0].FullName, "containerd.services.snapshots.v1.Snapshots" },
        { DiffApi.DiffReflection.Descriptor.Services[0].FullName, "containerd.services.diff.v1.Diff" },
        { ContainersApi.ContainersReflection.Descriptor.Services[0].FullName, "containerd.services.containers.v1.Containers" },
        { TasksApi.TasksReflection.Descriptor.Services[0].FullName, "containerd.services.tasks.v1.Tasks" },
        { EventsApi.EventsReflection.Descriptor.Services[0].FullName, "containerd.services.events.v1.Events" },
        { VersionApi.VersionReflection.Descriptor.Services[0].FullName, "containerd.services.version.v1.Version" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public void Service_FullName_IsContainerds(string actual, string expected) => Assert.Equal(expected, actual);

    public static TheoryData<string, string> EventTypeUrls => new()
    {
        { ContainerdConstants.TaskStartTypeUrl, EventTypes.TaskStart.Descriptor.FullName },
        { ContainerdConstants.TaskExitTypeUrl, EventTypes.TaskExit.Descriptor.FullName },
        { ContainerdConstants.TaskOomTypeUrl, EventTypes.TaskOOM.Descriptor.FullName },
        { ContainerdConstants.ContainerCreateTypeUrl, EventTypes.ContainerCreate.Descriptor.FullName },
        { ContainerdConstants.ContainerDeleteTypeUrl, EventTypes.ContainerDelete.Descriptor.FullName },
    };

    [Theory]
    [MemberData(nameof(EventTypeUrls))]
    public void EventTypeUrl_IsTheMessagesFullName(string constant, string fullName) => Assert.Equal(fullName, constant);

    [Fact]
    public void EventTypeUrls_AreBare()
    {
        Assert.Equal("containerd.events.TaskExit", ContainerdConstants.TaskExitTypeUrl);
        Assert.Equal("containerd.events.TaskOOM", ContainerdConstants.TaskOomTypeUrl);
    }

    [Fact]
    public void UpdateTaskRequest_ResourcesIsFieldTwoOfTypeAny()
    {
        FieldDescriptor resources = TasksApi.UpdateTaskRequest.Descriptor.FindFieldByName("resources");

        Assert.Equal(2, resources.FieldNumber);
        Assert.Equal("google.protobuf.Any", resources.MessageType.FullName);
    }

    [Fact]
    public void ContentWrite_IsBidirectionalStream()
    {
        MethodDescriptor write = ContentApi.ContentReflection.Descriptor.Services[0].FindMethodByName("Write");

        Assert.True(write.IsClientStreaming);
        Assert.True(write.IsServerStreaming);
        Assert.Equal("containerd.services.content.v1.WriteContentRequest", write.InputType.FullName);
    }
}
