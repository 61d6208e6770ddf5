using System.Text.Json;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;
using ContainerFactory.Runtime;

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
    /// Each of <c>restartPolicy</c> and <c>resources</c> given replaces the current one whole (Kanto semantics). The
    /// request kept in containerd is rewritten so that the change survives agent restarts; a change is reported as a
    /// <c>status/config</c> modify, no change reports nothing.
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
            Resources = update.Resources ?? current.Resources,
        };
        byte[] document = JsonSerializer.SerializeToUtf8Bytes(
            new KantoCreateWithConfigValue { ImageRef = request.ImageRef, Name = request.Name, Start = request.Start, Config = changed },
            ContainerConfigJson.Default.KantoCreateWithConfigValue);
        if (document.AsSpan().SequenceEqual(view.Request.Span))
        {
            return CommandOutcome.NoContent;
        }

        RuntimeResult stored = await _runtime.SetConfigDocumentAsync(id, document, cancellationToken).ConfigureAwait(false);
        if (!stored.IsSuccess)
        {
            return Fail(stored.Error!);
        }

        ContainerConfig config = ContainerDefaults.Apply(id, request with { Config = changed, Name = view.Config.Name });
        ContainerView updated = view with { Config = config, Request = document };
        _views[id] = updated;
        await _twin.PublishConfigAsync(updated, cancellationToken).ConfigureAwait(false);
        return CommandOutcome.NoContent;
    }
}
