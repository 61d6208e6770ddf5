using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Twin;
using ContainerFactory.Config.Containers;
using ContainerFactory.Protocol.Ditto;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Containers;
using ContainerFactory.Runtime.Images;
using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Agent.Containers;

/// <content>create / createWithConfig.</content>
public sealed partial class ContainerService
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Creates (and optionally starts) a container. A command whose correlation id already created a container gets
    /// that container's id again (PRODUCT.md §2.5, across agent restarts too). While the image is pulled the twin shows
    /// state CREATING with the bytes done; a failed create removes that feature again. As in Kanto, a failed start is
    /// reported in the twin and the reply is still 200 with the id. A duplicate is the same correlation id with the
    /// same request value (the published examples all use the correlation id <c>&lt;UUID&gt;</c>).
    /// </summary>
    public async Task<CommandOutcome> CreateAsync(CreateContainerCommand command, CancellationToken cancellationToken)
    {
        string correlationId = command.Reply.CorrelationId;
        if (_views.Values.FirstOrDefault(v => v.CorrelationId == correlationId && v.Request.Span.SequenceEqual(command.Request.Span)) is { } earlier)
        {
            return CommandOutcome.Ok(DittoValue.FromString(earlier.Id));
        }

        var creating = new ContainerView(command.Config, _clock.GetUtcNow(), new ContainerState(ContainerStatus.Creating), command.Request, correlationId);
        _views[creating.Id] = creating;
        await InTwinOrderAsync(creating.Id, () => _twin.PublishFeatureAsync(creating, cancellationToken), cancellationToken).ConfigureAwait(false);

        RuntimeResult<ContainerView> created = await WithLockAsync(
            creating.Id, () => CreateOnRuntimeAsync(creating, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!created.TryGetValue(out ContainerView? view, out RuntimeError? error))
        {
            _views.TryRemove(creating.Id, out _);
            _locks.TryRemove(creating.Id, out _);
            await InTwinOrderAsync(creating.Id, () => _twin.DeleteFeatureAsync(creating.FeatureId, CancellationToken.None), CancellationToken.None).ConfigureAwait(false);
            return CommandOutcome.Failed(RuntimeErrors.ImageError(error));
        }

        _views[view.Id] = view;
        await PublishWholeAsync(view, cancellationToken).ConfigureAwait(false);
        if (command.Start
            && await WithLockAsync(view.Id, () => StartLockedAsync(view.Id, cancellationToken), cancellationToken).ConfigureAwait(false) is { Error: { } startError })
        {
            ContainerServiceLog.StartFailed(_logger, view.Id, startError.Message);
        }

        return CommandOutcome.Ok(DittoValue.FromString(view.Id));
    }

    private async Task<RuntimeResult<ContainerView>> CreateOnRuntimeAsync(ContainerView creating, CancellationToken cancellationToken)
    {
        ContainerConfig config = creating.Config;
        if (!ProbeDevices(config).TryGetValue(out (IReadOnlyList<DeviceRule> Rules, IReadOnlyList<DeviceNode> Host) devices, out RuntimeError? error))
        {
            return error;
        }

        var options = new ContainerCreateOptions(
            config.Id, config.ImageRef, ContainerMapping.ToSpec(config, _runtime.Options.Namespace, _paths, devices.Rules, devices.Host))
        {
            Labels = new Dictionary<string, string>
            {
                [ContainerKeys.NameLabel] = config.Name,
                [ContainerKeys.CorrelationIdLabel] = creating.CorrelationId,
            },
            ConfigDocument = creating.Request,
        };
        var progress = new PullProgressReporter(this, creating, _clock);
        RuntimeResult<ContainerInfo> created = await _runtime.CreateAsync(options, progress, cancellationToken).ConfigureAwait(false);
        return created.TryGetValue(out ContainerInfo? info, out error)
            ? creating with { CreatedAt = info.Record.CreatedAt ?? creating.CreatedAt, State = new ContainerState(ContainerStatus.Created) }
            : error;
    }

    /// <summary>Reads the host's device nodes the config names (all of them when privileged), as Kanto does at start.</summary>
    private static RuntimeResult<(IReadOnlyList<DeviceRule> Rules, IReadOnlyList<DeviceNode> Host)> ProbeDevices(ContainerConfig config)
    {
        if (config.Privileged)
        {
            return DeviceProbe.ReadHostDevices().TryGetValue(out IReadOnlyList<DeviceNode>? all, out RuntimeError? error)
                ? ((IReadOnlyList<DeviceRule>)[], all)
                : error;
        }

        var rules = new List<DeviceRule>();
        foreach (DeviceMapping device in config.Devices)
        {
            if (!DeviceProbe.ReadMapping(device.PathOnHost, device.PathInContainer, device.CgroupPermissions)
                .TryGetValue(out IReadOnlyList<DeviceRule>? mapped, out RuntimeError? error))
            {
                return new RuntimeError(error.Kind, $"error gathering device information while adding custom device \"{device.PathOnHost}\": {error.Message}");
            }

            rules.AddRange(mapped);
        }

        return ((IReadOnlyList<DeviceRule>)rules, (IReadOnlyList<DeviceNode>)[]);
    }

    /// <summary>Publishes CREATING with the bytes pulled so far, at most once a second.</summary>
    private sealed class PullProgressReporter(ContainerService service, ContainerView view, TimeProvider clock) : IProgress<PullProgress>
    {
        private DateTimeOffset _last = DateTimeOffset.MinValue;
        private long _lastDone = -1;
        private long _lastTotal = -1;

        public void Report(PullProgress value)
        {
            DateTimeOffset now = clock.GetUtcNow();
            bool same = value.BytesDone == _lastDone && value.BytesTotal == _lastTotal;
            if (same || (now - _last < ProgressInterval && value.BytesDone < value.BytesTotal))
            {
                return;
            }

            (_last, _lastDone, _lastTotal) = (now, value.BytesDone, value.BytesTotal);
            ContainerView current = view with { State = new ContainerState(ContainerStatus.Creating, Progress: new PullProgressValue(value.BytesDone, value.BytesTotal)) };
            _ = service.InTwinOrderAsync(
                view.Id,
                () => service.Find(view.Id) is { State.Status: ContainerStatus.Creating } ? service._twin.PublishStateAsync(current, CancellationToken.None) : Task.CompletedTask,
                CancellationToken.None);
        }
    }
}
