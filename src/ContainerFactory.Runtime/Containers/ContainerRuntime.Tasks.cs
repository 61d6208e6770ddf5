using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Containers;

/// <content>Start, stop, pause, resume.</content>
public sealed partial class ContainerRuntime
{
    /// <summary>
    /// Starts a created (or stopped) container: the network connect (CNI ADD, network files) runs while containerd
    /// creates the task with the log driver (runc only needs the namespace and the files' inodes, made first), and the
    /// task starts once both are done. A stale stopped task is deleted first; on failure the task and the network are undone.
    /// </summary>
    public async Task<RuntimeResult<ContainerStarted>> StartAsync(string id, ContainerStartOptions options, CancellationToken cancellationToken)
    {
        await DeleteStoppedTaskAsync(id, cancellationToken).ConfigureAwait(false);
        if (_network.Prepare(options.Network).IsFailure(out RuntimeError? error))
        {
            await DisconnectAsync(id).ConfigureAwait(false);
            return error;
        }

        Task<RuntimeResult<ContainerNetworkSetup>> connecting = _network.ConnectAsync(options.Network, cancellationToken);
        Task<RuntimeResult<uint>> creating = CreateTaskAsync(id, options, cancellationToken);
        try
        {
            await Task.WhenAll(connecting, creating).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Cancelled (or a bug): WhenAll has waited for both, so nothing still runs against the task or the namespace.
            await UndoStartAsync(id).ConfigureAwait(false);
            throw;
        }

        RuntimeResult<ContainerNetworkSetup> network = await connecting.ConfigureAwait(false);
        RuntimeResult<uint> created = await creating.ConfigureAwait(false);
        if (!network.TryGetValue(out ContainerNetworkSetup? setup, out error) || !created.TryGetValue(out _, out error))
        {
            await UndoStartAsync(id).ConfigureAwait(false);
            return error;
        }

        RuntimeResult<uint> started = await _containerd.Tasks.StartAsync(id, cancellationToken).ConfigureAwait(false);
        if (!started.TryGetValue(out uint pid, out error))
        {
            await UndoStartAsync(id).ConfigureAwait(false);
            return error;
        }

        ContainerRuntimeLog.Started(_logger, id, pid);
        return new ContainerStarted(pid, setup.Attachment?.IPAddress);
    }

    /// <summary>
    /// Stops the task: <see cref="ContainerStopOptions.Signal"/>, wait up to the timeout, then with force SIGKILL to
    /// every process and wait again; then the task is deleted and the network released. Returns the exit.
    /// </summary>
    public async Task<RuntimeResult<TaskExit>> StopAsync(string id, ContainerStopOptions options, CancellationToken cancellationToken)
    {
        bool killFirst = options.Signal == ContainerStopOptions.Kill;
        RuntimeResult<TaskExit> exit = await SignalAndWaitAsync(id, options.Signal, killFirst, options.Timeout, cancellationToken).ConfigureAwait(false);
        if (exit.Error?.Kind == RuntimeErrorKind.DeadlineExceeded && options.Force && !killFirst)
        {
            exit = await SignalAndWaitAsync(id, ContainerStopOptions.Kill, true, options.Timeout, cancellationToken).ConfigureAwait(false);
        }

        if (!exit.IsSuccess)
        {
            return exit;
        }

        RuntimeResult<TaskExit> deleted = await _containerd.Tasks.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        await DisconnectAsync(id).ConfigureAwait(false);
        TaskExit result = deleted.IsSuccess ? deleted.Value : exit.Value;
        ContainerRuntimeLog.Stopped(_logger, id, result.ExitStatus);
        return result;
    }

    /// <summary>Cleans up after a task that exited on its own: deletes the task and releases the network.</summary>
    public async Task<RuntimeResult<TaskExit>> CleanupExitedAsync(string id, CancellationToken cancellationToken)
    {
        RuntimeResult<TaskExit> deleted = await _containerd.Tasks.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        await DisconnectAsync(id).ConfigureAwait(false);
        return deleted;
    }

    /// <summary>Freezes the task.</summary>
    public Task<RuntimeResult> PauseAsync(string id, CancellationToken cancellationToken) =>
        _containerd.Tasks.PauseAsync(id, cancellationToken);

    /// <summary>Thaws the task.</summary>
    public Task<RuntimeResult> ResumeAsync(string id, CancellationToken cancellationToken) =>
        _containerd.Tasks.ResumeAsync(id, cancellationToken);

    private async Task<RuntimeResult<uint>> CreateTaskAsync(string id, ContainerStartOptions options, CancellationToken cancellationToken)
    {
        RuntimeResult<IReadOnlyList<Mount>> mounts = await _containerd.Snapshots.MountsAsync(id, cancellationToken).ConfigureAwait(false);
        if (!mounts.TryGetValue(out IReadOnlyList<Mount>? rootfs, out RuntimeError? error))
        {
            return error;
        }

        var task = new TaskCreateOptions(id, rootfs) { Stdout = options.LogUri, Stderr = options.LogUri, Terminal = options.Terminal };
        return await _containerd.Tasks.CreateAsync(task, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A start that failed part way: the task (if it was created) is deleted and the network released.</summary>
    private async Task UndoStartAsync(string id)
    {
        await _containerd.Tasks.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false);
        await DisconnectAsync(id).ConfigureAwait(false);
    }

    private async Task<RuntimeResult<TaskExit>> SignalAndWaitAsync(
        string id, uint signal, bool all, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Wait first, so that an exit racing the signal is not missed.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        Task<RuntimeResult<TaskExit>> wait = _containerd.Tasks.WaitAsync(id, limit.Token);
        RuntimeResult killed = await _containerd.Tasks.KillAsync(id, signal, all, cancellationToken).ConfigureAwait(false);
        if (!killed.IsSuccess && killed.Error!.Kind != RuntimeErrorKind.NotFound)
        {
            await limit.CancelAsync().ConfigureAwait(false);
            await ((Task)wait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return killed.Error;
        }

        // The channel throws OperationCanceledException on cancellation (ThrowOperationCanceledOnCancellation): the
        // timeout ends the wait with that exception, not with a Cancelled result.
        try
        {
            RuntimeResult<TaskExit> exit = await wait.ConfigureAwait(false);
            return !exit.IsSuccess && limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested ? TimedOut(id, signal, timeout) : exit;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return TimedOut(id, signal, timeout);
        }
    }

    private static RuntimeError TimedOut(string id, uint signal, TimeSpan timeout) =>
        new(RuntimeErrorKind.DeadlineExceeded, $"container {id} did not exit within {timeout.TotalSeconds:0} s of signal {signal}");

    private async Task DeleteStoppedTaskAsync(string id, CancellationToken cancellationToken)
    {
        RuntimeResult<TaskProcess> task = await _containerd.Tasks.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (task.TryGetValue(out TaskProcess? process, out _) && process.Status == Containerd.TaskStatus.Stopped)
        {
            await CleanupExitedAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DisconnectAsync(string id)
    {
        RuntimeResult disconnected = await _network.DisconnectAsync(id, CancellationToken.None).ConfigureAwait(false);
        if (!disconnected.IsSuccess)
        {
            ContainerRuntimeLog.CleanupFailed(_logger, id, "network", disconnected.Error!.Message);
        }
    }
}
