using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Twin;
using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;
using ContainerFactory.Protocol.Ditto;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Containers;
using ContainerFactory.Runtime.Logs;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Agent.Containers;

/// <content>Container:&lt;id&gt; operations (kanto-protocol §4.3).</content>
public sealed partial class ContainerService
{
    private static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(30);

    private async Task<CommandOutcome> OperateAsync(ContainerOperationCommand command, CancellationToken cancellationToken)
    {
        string id = command.ContainerId;
        ReadOnlySpan<byte> value = command.Value.Span;
        switch (command.Operation)
        {
            case "start":
                await CancelRestartAsync(id, resetCount: true, cancellationToken).ConfigureAwait(false);
                return await WithLockAsync(id, () => StartLockedAsync(id, cancellationToken), cancellationToken).ConfigureAwait(false);
            case "stop":
                await CancelRestartAsync(id, resetCount: false, cancellationToken).ConfigureAwait(false);
                return await WithLockAsync(id, () => StopLockedAsync(id, new StopOptions(false, 0, 15), cancellationToken), cancellationToken).ConfigureAwait(false);
            case "stopWithOptions":
                if (!TryDecode(value, out StopOptions? stop, out CommandOutcome? failure))
                {
                    return failure;
                }

                await CancelRestartAsync(id, resetCount: false, cancellationToken).ConfigureAwait(false);
                return await WithLockAsync(id, () => StopLockedAsync(id, stop, cancellationToken), cancellationToken).ConfigureAwait(false);
            case "pause":
                return await WithLockAsync(id, () => PauseLockedAsync(id, cancellationToken), cancellationToken).ConfigureAwait(false);
            case "resume":
                return await WithLockAsync(id, () => ResumeLockedAsync(id, cancellationToken), cancellationToken).ConfigureAwait(false);
            case "rename":
                if (!KantoDecoder.TryDecodeRename(value, out string? name, out ConfigError? renameError))
                {
                    return CommandOutcome.Failed(new CommandError(CommandErrorKind.InvalidParameter, renameError!.Message));
                }

                return await WithLockAsync(id, () => RenameLockedAsync(id, name ?? "", cancellationToken), cancellationToken).ConfigureAwait(false);
            case "update":
                return await UpdateAsync(id, command.Value, cancellationToken).ConfigureAwait(false);
            case "remove":
                if (!KantoDecoder.TryDecodeRemove(value, out bool force, out ConfigError? removeError))
                {
                    return CommandOutcome.Failed(new CommandError(CommandErrorKind.InvalidParameter, removeError!.Message));
                }

                await CancelRestartAsync(id, resetCount: false, cancellationToken).ConfigureAwait(false);
                return await WithLockAsync(id, () => RemoveLockedAsync(id, force, cancellationToken), cancellationToken).ConfigureAwait(false);
            default:
                return CommandOutcome.Failed(new CommandError(CommandErrorKind.NotFound, $"unsupported operation {command.Operation}"));
        }
    }

    private static bool TryDecode(ReadOnlySpan<byte> value, out StopOptions stop, out CommandOutcome failure)
    {
        stop = new StopOptions(false, 0, 15);
        failure = CommandOutcome.NoContent;
        if (!KantoDecoder.TryDecodeStopWithOptions(value, out StopRequest? request, out ConfigError? error) || request is null)
        {
            failure = CommandOutcome.Failed(new CommandError(CommandErrorKind.InvalidParameter, error?.Message ?? "cannot decode value"));
            return false;
        }

        IReadOnlyList<ConfigIssue> issues = ContainerValidation.ValidateStop(request);
        if (issues.Count > 0)
        {
            failure = CommandOutcome.Failed(new CommandError(CommandErrorKind.InvalidConfig, issues[0].Format()));
            return false;
        }

        stop = ContainerDefaults.ApplyStop(request);
        return true;
    }

    private async Task<CommandOutcome> StartLockedAsync(string id, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } view)
        {
            return Fail($"no such container with id = {id} exists");
        }

        switch (view.State.Status)
        {
            case ContainerStatus.Paused:
                return Fail($"the container with id = {id} is paused - cannot start it - try unpausing it instead");
            case ContainerStatus.Running:
                return Fail($"the container with id = {id} is already running");
            case ContainerStatus.Dead or ContainerStatus.Creating:
                return Fail($"the container with id = {id} is dead - cannot start it");
        }

        ContainerConfig config = view.Config;
        LogDriverOptions log = ContainerMapping.ToLogDriver(config.Log, _paths);
        var options = new ContainerStartOptions(ContainerMapping.ToConnect(config, _paths, FindPeers), LogDriverUri.Build(_logDriverBinary, log))
        {
            Terminal = config.Tty,
        };
        // Taken before the start: a container that exits at once must not report a start after its finish.
        DateTimeOffset now = _clock.GetUtcNow();
        RuntimeResult<ContainerStarted> started = await _runtime.StartAsync(id, options, cancellationToken).ConfigureAwait(false);
        if (!started.TryGetValue(out ContainerStarted? result, out RuntimeError? error))
        {
            return Fail(error);
        }

        if (result.Address is { } address)
        {
            _addresses[id] = address;
        }

        await _runtime.SetLabelsAsync(
            id,
            new Dictionary<string, string> { [ContainerKeys.StartedAtLabel] = TwinJson.Timestamp(now), [ContainerKeys.ManuallyStoppedLabel] = "false" },
            cancellationToken).ConfigureAwait(false);
        return await ReportAsync(view with { State = new ContainerState(ContainerStatus.Running, result.Pid, StartedAt: now) }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandOutcome> StopLockedAsync(string id, StopOptions stop, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } view)
        {
            return Fail($"no such container with id = {id} exists");
        }

        if (view.State.Status is not (ContainerStatus.Running or ContainerStatus.Paused))
        {
            return Fail($"cannot perform stop operation for container: {id}, with state: {KantoStatus(view.State.Status)}");
        }

        if (view.State.Status == ContainerStatus.Paused)
        {
            await _runtime.ResumeAsync(id, cancellationToken).ConfigureAwait(false);
        }

        // Marked before the task ends: another process following containerd's events (the agent, when this is the
        // local CLI) reads the exit as a stop by hand, not as a crash to restart.
        await SetManuallyStoppedAsync(id, true, cancellationToken).ConfigureAwait(false);
        TimeSpan timeout = stop.TimeoutSeconds > 0 ? TimeSpan.FromSeconds(stop.TimeoutSeconds) : DefaultStopTimeout;
        RuntimeResult<TaskExit> exit = await _runtime.StopAsync(id, new ContainerStopOptions((uint)stop.Signal, timeout, stop.Force), cancellationToken).ConfigureAwait(false);
        if (!exit.TryGetValue(out TaskExit? exited, out RuntimeError? error))
        {
            await SetManuallyStoppedAsync(id, false, CancellationToken.None).ConfigureAwait(false);
            return error.Kind == RuntimeErrorKind.DeadlineExceeded
                ? Fail($"could not stop container with ID = {id} with {LinuxSignalName(stop.Signal)}")
                : Fail(error);
        }

        return await EndedAsync(view, stoppedByHand: true, exited.ExitStatus, oomKilled: false, cancellationToken).ConfigureAwait(false);
    }

    private Task<RuntimeResult> SetManuallyStoppedAsync(string id, bool value, CancellationToken cancellationToken) =>
        _runtime.SetLabelsAsync(id, new Dictionary<string, string> { [ContainerKeys.ManuallyStoppedLabel] = value ? "true" : "false" }, cancellationToken);

    private async Task<CommandOutcome> PauseLockedAsync(string id, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } view || view.State.Status != ContainerStatus.Running)
        {
            return Fail($"container with id = {id} is not running - current status is {KantoStatus(Find(id)?.State.Status ?? ContainerStatus.Unknown)}");
        }

        RuntimeResult paused = await _runtime.PauseAsync(id, cancellationToken).ConfigureAwait(false);
        return paused.IsSuccess
            ? await ReportAsync(view with { State = view.State with { Status = ContainerStatus.Paused } }, cancellationToken).ConfigureAwait(false)
            : Fail(paused.Error!);
    }

    private async Task<CommandOutcome> ResumeLockedAsync(string id, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } view || view.State.Status != ContainerStatus.Paused)
        {
            return Fail($"container id = {id} is not paused - cannot unpause it ");
        }

        RuntimeResult resumed = await _runtime.ResumeAsync(id, cancellationToken).ConfigureAwait(false);
        return resumed.IsSuccess
            ? await ReportAsync(view with { State = view.State with { Status = ContainerStatus.Running } }, cancellationToken).ConfigureAwait(false)
            : Fail(resumed.Error!);
    }

    private async Task<CommandOutcome> RenameLockedAsync(string id, string name, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } view)
        {
            return Fail($"no such container with id = {id} exists");
        }

        if (name.Length == 0 || name == view.Config.Name)
        {
            return CommandOutcome.NoContent;
        }

        IReadOnlyList<ConfigIssue> issues = ContainerValidation.ValidateRename(name);
        if (issues.Count > 0)
        {
            return CommandOutcome.Failed(new CommandError(CommandErrorKind.InvalidConfig, issues[0].Message));
        }

        RuntimeResult labelled = await _runtime.SetLabelsAsync(id, new Dictionary<string, string> { [ContainerKeys.NameLabel] = name }, cancellationToken).ConfigureAwait(false);
        if (!labelled.IsSuccess)
        {
            return Fail(labelled.Error!);
        }

        ContainerView renamed = view with { Config = view.Config with { Name = name } };
        _views[id] = renamed;
        await InTwinOrderAsync(id, () => _twin.PublishNameAsync(renamed, cancellationToken), cancellationToken).ConfigureAwait(false);
        return CommandOutcome.NoContent;
    }

    private async Task<CommandOutcome> RemoveLockedAsync(string id, bool force, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } view)
        {
            return CommandOutcome.NoContent;
        }

        ContainerStopOptions? stop = force ? new ContainerStopOptions(15, DefaultStopTimeout, true) : null;
        RuntimeResult removed = await _runtime.RemoveAsync(id, stop, _paths.FilesOf(id), cancellationToken).ConfigureAwait(false);
        if (!removed.IsSuccess)
        {
            return removed.Error!.Kind == RuntimeErrorKind.FailedPrecondition ? Fail(removed.Error.Message) : Fail(removed.Error);
        }

        await ForgetLockedAsync(view, cancellationToken).ConfigureAwait(false);
        return CommandOutcome.NoContent;
    }

    /// <summary>Drops a removed container from memory and from the twin (state DEAD, then the feature deleted).</summary>
    private async Task ForgetLockedAsync(ContainerView view, CancellationToken cancellationToken)
    {
        string id = view.Id;
        _views.TryRemove(id, out _);
        _addresses.TryRemove(id, out _);
        _restartCounts.TryRemove(id, out _);
        _oomKilled.TryRemove(id, out _);
        ContainerView dead = view with { State = new ContainerState(ContainerStatus.Dead) };
        await InTwinOrderAsync(id, async () =>
        {
            await _twin.PublishStateAsync(dead, cancellationToken).ConfigureAwait(false);
            await _twin.DeleteFeatureAsync(dead.FeatureId, cancellationToken).ConfigureAwait(false);
            _published.Remove(id);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records how a run ended (labels), updates the view and the twin.</summary>
    private async Task<CommandOutcome> EndedAsync(ContainerView view, bool stoppedByHand, long exitCode, bool oomKilled, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        await _runtime.SetLabelsAsync(view.Id, ContainerStates.EndLabels(stoppedByHand, exitCode, now, oomKilled), cancellationToken).ConfigureAwait(false);
        _addresses.TryRemove(view.Id, out _);
        var state = new ContainerState(
            stoppedByHand ? ContainerStatus.Stopped : ContainerStatus.Exited, -1, oomKilled ? "OOM Killed" : "", exitCode, view.State.StartedAt, now, oomKilled);
        return await ReportAsync(view with { State = state }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandOutcome> ReportAsync(ContainerView view, CancellationToken cancellationToken)
    {
        _views[view.Id] = view;
        await InTwinOrderAsync(view.Id, () => _twin.PublishStateAsync(view, cancellationToken), cancellationToken).ConfigureAwait(false);
        return CommandOutcome.NoContent;
    }

    /// <summary>The status as Kanto's messages spell it (<c>Created</c>, <c>Running</c>, …).</summary>
    private static string KantoStatus(ContainerStatus status) => status.ToString();

    private static string LinuxSignalName(int signal) => signal switch
    {
        2 => "SIGINT",
        9 => "SIGKILL",
        15 => "SIGTERM",
        _ => $"signal {signal}",
    };
}
