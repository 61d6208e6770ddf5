using System.Text.Json;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Twin;
using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Agent.Containers;

/// <content>update (kanto-protocol §4.3): restart policy and resources.</content>
public sealed partial class ContainerService
{
    private async Task<CommandOutcome> UpdateAsync(string id, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        if (!KantoDecoder.TryDecodeUpdate(value.Span, out UpdateRequest? update, out ConfigError? error) || update is null)
        {
            return CommandOutcome.Failed(new CommandError(CommandErrorKind.InvalidParameter, error?.Message ?? "cannot decode value"));
        }

        IReadOnlyList<ConfigIssue> issues = ContainerValidation.ValidateUpdate(update);
        if (issues.Count > 0)
        {
            return CommandOutcome.Failed(new CommandError(CommandErrorKind.InvalidConfig, issues[0].Format()));
        }

        return await WithLockAsync(id, () => UpdateLockedAsync(id, update, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Each of <c>restartPolicy</c> and <c>resources</c> given replaces the current one whole (Kanto semantics). Changed
    /// memory limits are applied to a running or paused task at once and written into the stored spec for the next
    /// start; when the task refuses them nothing changes. The request kept in containerd is rewritten so that the
    /// change survives agent restarts; a change is reported as a <c>status/config</c> modify, no change reports nothing.
    /// </summary>
    private async Task<CommandOutcome> UpdateLockedAsync(string id, UpdateRequest update, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } view)
        {
            return Fail($"no such container with id = {id} exists");
        }

        ReadOnlySpan<byte> kept = view.Request.Span;
        if (!KantoDecoder.TryDecodeCreateWithConfig(kept.IsEmpty ? "{}"u8 : kept, out CreateRequest? request, out _) || request is null)
        {
            return Fail($"the stored config of container {id} cannot be read");
        }

        KantoContainerConfig current = request.Config ?? KantoContainerConfig.Empty;
        KantoContainerConfig changed = current with
        {
            RestartPolicy = update.RestartPolicy ?? current.RestartPolicy,
            Resources = update.Resources is { } resources ? WithoutDerivedSwap(resources) : current.Resources,
        };
        byte[] document = JsonSerializer.SerializeToUtf8Bytes(
            new KantoCreateWithConfigValue { ImageRef = request.ImageRef, Name = request.Name, Start = request.Start, Config = changed },
            ContainerConfigJson.Default.KantoCreateWithConfigValue);
        if (document.AsSpan().SequenceEqual(view.Request.Span))
        {
            return CommandOutcome.NoContent;
        }

        ContainerConfig config = ContainerDefaults.Apply(id, request with { Config = changed, Name = view.Config.Name });
        MemoryLimits? memory = ContainerMapping.ToMemory(config.Resources);
        if (memory != ContainerMapping.ToMemory(view.Config.Resources))
        {
            bool live = view.State.Status is ContainerStatus.Running or ContainerStatus.Paused;
            RuntimeResult applied = await _runtime.UpdateResourcesAsync(id, memory, live, cancellationToken).ConfigureAwait(false);
            if (!applied.IsSuccess)
            {
                return Fail(applied.Error!);
            }
        }

        RuntimeResult stored = await _runtime.SetConfigDocumentAsync(id, document, cancellationToken).ConfigureAwait(false);
        if (!stored.IsSuccess)
        {
            return Fail(stored.Error!);
        }

        ContainerView updated = view with { Config = config, Request = document };
        _views[id] = updated;
        await InTwinOrderAsync(id, () => _twin.PublishConfigAsync(updated, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (config.RestartPolicy != view.Config.RestartPolicy)
        {
            await ApplyChangedPolicyLockedAsync(updated, cancellationToken).ConfigureAwait(false);
        }

        return CommandOutcome.NoContent;
    }

    /// <summary>
    /// A changed restart policy starts over (kanto-protocol §4.3): a planned restart is dropped, the count is reset, and
    /// an exited container is started now when the new policy says so. A container stopped by hand stays stopped
    /// until the next start (PRODUCT.md §3).
    /// </summary>
    private async Task ApplyChangedPolicyLockedAsync(ContainerView view, CancellationToken cancellationToken)
    {
        await CancelRestartAsync(view.Id, resetCount: true, cancellationToken).ConfigureAwait(false);
        if (view.State.Status == ContainerStatus.Exited
            && RestartRules.ShouldRestart(view.Config.RestartPolicy, view.State.ExitCode, manuallyStopped: false, restarts: 0))
        {
            ScheduleRestart(view.Id, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// An update derives no swap from the memory limit (kanto-protocol §4.3), but the stored request is re-read like a
    /// create, which would: an empty swap next to a memory limit is kept as <c>-1</c> (no swap limit) instead.
    /// </summary>
    private static KantoResources WithoutDerivedSwap(KantoResources resources) =>
        !string.IsNullOrEmpty(resources.Memory) && string.IsNullOrEmpty(resources.MemorySwap) ? resources with { MemorySwap = "-1" } : resources;
}
