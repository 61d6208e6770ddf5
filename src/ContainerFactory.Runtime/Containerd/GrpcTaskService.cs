using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using TasksApi = ContainerFactory.Runtime.Containerd.Api.Tasks;
using TaskTypes = ContainerFactory.Runtime.Containerd.Api.Types.Task;

namespace ContainerFactory.Runtime.Containerd;

/// <summary><see cref="ITaskService"/> over containerd's Tasks service.</summary>
internal sealed class GrpcTaskService(TasksApi.Tasks.TasksClient client, ContainerdCaller caller) : ITaskService
{
    public Task<RuntimeResult<uint>> CreateAsync(TaskCreateOptions options, CancellationToken cancellationToken = default)
    {
        var request = new TasksApi.CreateTaskRequest
        {
            ContainerId = options.ContainerId,
            Stdin = options.Stdin,
            Stdout = options.Stdout,
            Stderr = options.Stderr,
            Terminal = options.Terminal,
        };
        request.Rootfs.AddRange(options.Rootfs.Select(ProtoMapping.ToProto));
        return caller.InvokeAsync("Tasks/Create", () => client.CreateAsync(request, caller.Unary(cancellationToken)), r => r.Pid);
    }

    public Task<RuntimeResult<uint>> StartAsync(string containerId, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Tasks/Start",
            () => client.StartAsync(new TasksApi.StartRequest { ContainerId = containerId }, caller.Unary(cancellationToken)),
            r => r.Pid);

    public Task<RuntimeResult> KillAsync(string containerId, uint signal, bool all = false, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Tasks/Kill",
            () => client.KillAsync(
                new TasksApi.KillRequest { ContainerId = containerId, Signal = signal, All = all }, caller.Unary(cancellationToken)));

    public Task<RuntimeResult<TaskExit>> DeleteAsync(string containerId, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Tasks/Delete",
            () => client.DeleteAsync(new TasksApi.DeleteTaskRequest { ContainerId = containerId }, caller.Unary(cancellationToken)),
            r => new TaskExit(r.Pid, r.ExitStatus, ProtoMapping.FromProto(r.ExitedAt)));

    public Task<RuntimeResult<TaskProcess>> GetAsync(string containerId, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Tasks/Get",
            () => client.GetAsync(new TasksApi.GetRequest { ContainerId = containerId }, caller.Unary(cancellationToken)),
            r => FromProto(r.Process, containerId));

    public Task<RuntimeResult<IReadOnlyList<TaskProcess>>> ListAsync(CancellationToken cancellationToken = default) =>
        caller.InvokeAsync<TasksApi.ListTasksResponse, IReadOnlyList<TaskProcess>>(
            "Tasks/List",
            () => client.ListAsync(new TasksApi.ListTasksRequest(), caller.Unary(cancellationToken)),
            r => [.. r.Tasks.Select(t => FromProto(t, ""))]);

    public Task<RuntimeResult<TaskExit>> WaitAsync(string containerId, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Tasks/Wait",
            () => client.WaitAsync(new TasksApi.WaitRequest { ContainerId = containerId }, caller.Unbounded(cancellationToken)),
            r => new TaskExit(0, r.ExitStatus, ProtoMapping.FromProto(r.ExitedAt)));

    public Task<RuntimeResult> PauseAsync(string containerId, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Tasks/Pause",
            () => client.PauseAsync(new TasksApi.PauseTaskRequest { ContainerId = containerId }, caller.Unary(cancellationToken)));

    public Task<RuntimeResult> ResumeAsync(string containerId, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Tasks/Resume",
            () => client.ResumeAsync(new TasksApi.ResumeTaskRequest { ContainerId = containerId }, caller.Unary(cancellationToken)));

    // The Any keeps containerd's bare type URL; Any.Pack would add the type.googleapis.com/ prefix (notes §1).
    public Task<RuntimeResult> UpdateAsync(string containerId, ReadOnlyMemory<byte> linuxResources, CancellationToken cancellationToken = default)
    {
        var request = new TasksApi.UpdateTaskRequest
        {
            ContainerId = containerId,
            Resources = new Any { TypeUrl = ContainerdConstants.LinuxResourcesTypeUrl, Value = ByteString.CopyFrom(linuxResources.Span) },
        };
        return caller.InvokeAsync("Tasks/Update", () => client.UpdateAsync(request, caller.Unary(cancellationToken)));
    }

    // Tasks/Get leaves container_id (1) empty and puts the container id in id (2) (notes §4.1).
    private static TaskProcess FromProto(TaskTypes.Process? process, string containerId) =>
        process is null
            ? new TaskProcess(containerId, 0, TaskStatus.Unknown, 0, null)
            : new TaskProcess(
                process.ContainerId.Length > 0 ? process.ContainerId : process.Id,
                process.Pid,
                (TaskStatus)(int)process.Status,
                process.ExitStatus,
                ProtoMapping.FromProto(process.ExitedAt));
}
