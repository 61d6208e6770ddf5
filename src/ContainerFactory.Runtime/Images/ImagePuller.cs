using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContainerFactory.Runtime.Images;

/// <summary>
/// Pulls images into containerd exactly as ctr 1.6 / containerd's client do (notes §3, §9): a lease first; every
/// blob through Content/Write (index, manifest, then config and layers); the image record; each layer unpacked into
/// the snapshot named by its chain id; the gc labels; the lease deleted. What is already there is reused, so pulling a
/// complete image again costs one manifest HEAD. A failed or cancelled pull removes what it started (ingests, extract
/// snapshots, an image record it created) and its lease, so garbage collection keeps nothing of it. Thread-safe.
/// </summary>
public sealed class ImagePuller
{
    private readonly ContainerdClient _containerd;
    private readonly RegistryClient _registry;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the puller; it owns neither client.</summary>
    /// <param name="containerd">The namespace to pull into (its lease-less root view).</param>
    /// <param name="registry">Where images come from (mirrors, credentials).</param>
    /// <param name="loggerFactory">Optional; logging is off when null.</param>
    /// <param name="time">Clock for lease expiry and ids; <see cref="TimeProvider.System"/> when null.</param>
    public ImagePuller(ContainerdClient containerd, RegistryClient registry, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(containerd);
        ArgumentNullException.ThrowIfNull(registry);
        _containerd = containerd;
        _registry = registry;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ContainerFactory.Runtime.Images");
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Pulls (and by default unpacks) <paramref name="image"/>. The image record is named
    /// <see cref="ImageReference.ToString"/>. Errors: <see cref="RuntimeErrorKind.NotFound"/> <c>image &lt;ref&gt; not found
    /// in &lt;registry&gt;</c> (or no manifest for the platform), <see cref="RuntimeErrorKind.Unauthorized"/> naming the
    /// registry, <see cref="RuntimeErrorKind.RegistryUnavailable"/>, <see cref="RuntimeErrorKind.DigestMismatch"/>, and the
    /// adapter's errors (<see cref="RuntimeErrorKind.Unavailable"/> <c>containerd not reachable at &lt;socket&gt;</c>).
    /// Cancellation throws <see cref="OperationCanceledException"/> after cleaning up.
    /// </summary>
    /// <param name="image">What to pull.</param>
    /// <param name="options">Platform, unpack, concurrency; <see cref="PullOptions.Default"/> when null.</param>
    /// <param name="progress">Optional progress reports (bytes done / total, one event per blob and layer).</param>
    /// <param name="cancellationToken">Cancels the pull.</param>
    public async Task<RuntimeResult<PulledImage>> PullAsync(
        ImageReference image, PullOptions? options = null, IProgress<PullProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= PullOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentDownloads, 1);
        var lease = await CreateLeaseAsync(options, cancellationToken).ConfigureAwait(false);
        if (!lease.TryGetValue(out var leaseId, out var leaseError))
        {
            PullLog.Failed(_logger, image.ToString(), leaseError.Message);
            return leaseError;
        }

        PullLog.Started(_logger, image.ToString(), leaseId);
        var operation = new PullOperation(_containerd.WithLease(leaseId), _registry, image, options, new PullTracker(progress), _logger, _time);
        var succeeded = false;
        try
        {
            var result = await operation.RunAsync(cancellationToken).ConfigureAwait(false);
            succeeded = result.IsSuccess;
            Log(image, result);
            return result;
        }
        finally
        {
            if (!succeeded)
            {
                await operation.AbandonAsync(cancellationToken.IsCancellationRequested).ConfigureAwait(false);
            }

            // After a failure, collect at once (sync) so that nothing of the pull outlives it.
            await DeleteLeaseAsync(image, leaseId, sync: !succeeded).ConfigureAwait(false);
        }
    }

    private async Task<RuntimeResult<string>> CreateLeaseAsync(PullOptions options, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string> { [ImageLabels.GcExpire] = PullIds.Expiry(_time.GetUtcNow() + options.LeaseExpiry) };
        for (var attempt = 0; ; attempt++)
        {
            var created = await _containerd.Leases.CreateAsync(PullIds.Unique(_time), labels, cancellationToken).ConfigureAwait(false);
            // An id collision (same nanoseconds and random part) is retried with a fresh id.
            if (created.IsSuccess || created.Error!.Kind != RuntimeErrorKind.AlreadyExists || attempt == 2)
            {
                return created.Map(l => l.Id);
            }
        }
    }

    private async Task DeleteLeaseAsync(ImageReference image, string leaseId, bool sync)
    {
        using var timeout = new CancellationTokenSource(_containerd.Options.CallTimeout);
        try
        {
            var deleted = await _containerd.Leases.DeleteAsync(leaseId, sync, timeout.Token).ConfigureAwait(false);
            if (deleted.IsFailure(out var error))
            {
                PullLog.CleanupFailed(_logger, image.ToString(), $"deleting lease {leaseId}", error.Message);
            }
        }
        catch (OperationCanceledException)
        {
            PullLog.CleanupFailed(_logger, image.ToString(), $"deleting lease {leaseId}", "timed out");
        }
    }

    private void Log(ImageReference image, RuntimeResult<PulledImage> result)
    {
        if (result.TryGetValue(out var pulled, out var error))
        {
            PullLog.Pulled(_logger, pulled.Name, pulled.Target.Digest, pulled.BytesFetched, pulled.LayersUnpacked);
        }
        else
        {
            PullLog.Failed(_logger, image.ToString(), error.Message);
        }
    }
}
