using ContainerFactory.Runtime.Containerd;

namespace ContainerFactory.Runtime.Containers;

/// <content>Remove.</content>
public sealed partial class ContainerRuntime
{
    /// <summary>
    /// Removes the container (kanto-protocol §4.3 remove): a running or paused task is stopped first when
    /// <paramref name="stop"/> is given (else FailedPrecondition); then the task, the network, the container record,
    /// its snapshot and <paramref name="filesDirectory"/> (hosts files, logs) are deleted. Missing parts are no error.
    /// </summary>
    public async Task<RuntimeResult> RemoveAsync(string id, ContainerStopOptions? stop, string? filesDirectory, CancellationToken cancellationToken)
    {
        RuntimeResult<TaskProcess> task = await _containerd.Tasks.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (task.TryGetValue(out TaskProcess? process, out _) && process.Status is not (Containerd.TaskStatus.Stopped or Containerd.TaskStatus.Created))
        {
            if (stop is null)
            {
                return new RuntimeError(RuntimeErrorKind.FailedPrecondition, $"container with id = {id} is not stopped - must set the force flag to true to remove it");
            }

            if (process.Status == Containerd.TaskStatus.Paused)
            {
                await _containerd.Tasks.ResumeAsync(id, cancellationToken).ConfigureAwait(false);
            }

            RuntimeResult<TaskExit> stopped = await StopAsync(id, stop, cancellationToken).ConfigureAwait(false);
            if (!stopped.IsSuccess)
            {
                return stopped.Error!;
            }
        }
        else if (process is not null)
        {
            await CleanupExitedAsync(id, cancellationToken).ConfigureAwait(false);
        }

        await DisconnectAsync(id).ConfigureAwait(false);
        RuntimeResult deleted = await _containerd.Containers.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        if (!deleted.IsSuccess && deleted.Error!.Kind != RuntimeErrorKind.NotFound)
        {
            return deleted;
        }

        RuntimeResult removed = await _containerd.Snapshots.RemoveAsync(id, cancellationToken).ConfigureAwait(false);
        if (!removed.IsSuccess && removed.Error!.Kind != RuntimeErrorKind.NotFound)
        {
            ContainerRuntimeLog.CleanupFailed(_logger, id, "snapshot", removed.Error.Message);
        }

        if (filesDirectory is not null && Directory.Exists(filesDirectory))
        {
            Directory.Delete(filesDirectory, recursive: true);
        }

        ContainerRuntimeLog.Removed(_logger, id);
        return RuntimeResult.Ok;
    }
}
