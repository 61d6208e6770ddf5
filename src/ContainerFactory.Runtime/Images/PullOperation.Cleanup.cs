namespace ContainerFactory.Runtime.Images;

/// <summary>Undoing a failed or cancelled pull: nothing it started may outlive it (its lease goes right after).</summary>
internal sealed partial class PullOperation
{
    /// <summary>Removes extract snapshots, aborts open ingests and deletes an image record this pull created. Never throws.</summary>
    /// <param name="cancelled">True when the caller cancelled (logged; cleanup runs regardless).</param>
    public async Task AbandonAsync(bool cancelled)
    {
        if (cancelled)
        {
            PullLog.Cancelled(logger, image.ToString());
        }

        using var timeout = new CancellationTokenSource(leased.Options.CallTimeout);
        try
        {
            foreach (var key in _extractKeys.Keys)
            {
                await RemoveExtractAsync(key, timeout.Token).ConfigureAwait(false);
            }

            foreach (var reference in _ingests.Keys)
            {
                var aborted = await leased.Content.AbortAsync(reference, timeout.Token).ConfigureAwait(false);
                Report($"aborting ingest {reference}", aborted.Error, RuntimeErrorKind.NotFound);
            }

            if (_createdRecord is { } name)
            {
                var deleted = await leased.Images.DeleteAsync(name, sync: false, timeout.Token).ConfigureAwait(false);
                Report($"deleting image record {name}", deleted.Error, RuntimeErrorKind.NotFound);
            }
        }
        catch (OperationCanceledException)
        {
            PullLog.CleanupFailed(logger, image.ToString(), "cleanup", "timed out");
        }
    }

    private async Task RemoveExtractAsync(string key, CancellationToken cancellationToken)
    {
        var removed = await leased.Snapshots.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        _extractKeys.TryRemove(key, out _);
        Report($"removing snapshot {key}", removed.Error, RuntimeErrorKind.NotFound);
    }

    private void Report(string what, RuntimeError? error, RuntimeErrorKind harmless)
    {
        if (error is not null && error.Kind != harmless)
        {
            PullLog.CleanupFailed(logger, image.ToString(), what, error.Message);
        }
    }
}
