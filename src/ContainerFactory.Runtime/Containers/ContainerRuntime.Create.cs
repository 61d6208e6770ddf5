using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Images;
using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Containers;

/// <content>Create: image → snapshot → spec → container record.</content>
public sealed partial class ContainerRuntime
{
    /// <summary>
    /// Creates the container: uses the image when it is present and unpacked (no registry needed, so an offline
    /// gateway can create from preloaded images), else pulls it (<paramref name="progress"/> reports the bytes); then
    /// prepares the snapshot on the image's top chain id, builds the spec and stores the container record, all under a
    /// lease so that garbage collection cannot race the create. A failure leaves nothing behind.
    /// </summary>
    public async Task<RuntimeResult<ContainerInfo>> CreateAsync(
        ContainerCreateOptions options, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        if (!ImageReference.Parse(options.ImageRef).TryGetValue(out ImageReference? reference, out RuntimeError? error))
        {
            return error;
        }

        RuntimeResult<ImageSummary> image = await EnsureImageAsync(reference, progress, cancellationToken).ConfigureAwait(false);
        if (!image.TryGetValue(out ImageSummary? summary, out error))
        {
            return error;
        }

        string leaseId = $"container-factory-create-{options.Id}";
        RuntimeResult<Lease> lease = await _containerd.Leases.CreateAsync(leaseId, ExpiringLease(), cancellationToken).ConfigureAwait(false);
        if (!lease.IsSuccess)
        {
            return lease.Error!;
        }

        try
        {
            return await CreateUnderLeaseAsync(_containerd.WithLease(leaseId), options, summary, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _containerd.Leases.DeleteAsync(leaseId, false, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<RuntimeResult<ImageSummary>> EnsureImageAsync(
        ImageReference reference, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        string name = reference.ToString();
        RuntimeResult<ImageSummary> local = await _images.GetAsync(name, null, cancellationToken).ConfigureAwait(false);
        if (local.TryGetValue(out ImageSummary? summary, out RuntimeError? error) && summary.Unpacked && summary.Config is not null)
        {
            return summary;
        }

        if (error is not null && error.Kind != RuntimeErrorKind.NotFound)
        {
            return error;
        }

        RuntimeResult<PulledImage> pulled = await _puller.PullAsync(reference, null, progress, cancellationToken).ConfigureAwait(false);
        return pulled.IsSuccess
            ? await _images.GetAsync(name, null, cancellationToken).ConfigureAwait(false)
            : pulled.Error!;
    }

    private async Task<RuntimeResult<ContainerInfo>> CreateUnderLeaseAsync(
        ContainerdClient leased, ContainerCreateOptions options, ImageSummary image, CancellationToken cancellationToken)
    {
        string id = options.Id;
        RuntimeResult<IReadOnlyList<Mount>> prepared = await leased.Snapshots
            .PrepareAsync(id, image.TopChainId ?? "", null, cancellationToken).ConfigureAwait(false);
        if (!prepared.TryGetValue(out IReadOnlyList<Mount>? mounts, out RuntimeError? error))
        {
            return error;
        }

        RuntimeResult<ContainerRecord> created = BuildRecord(options, image, mounts).TryGetValue(out ContainerRecord? record, out error)
            ? await leased.Containers.CreateAsync(record, cancellationToken).ConfigureAwait(false)
            : error;
        if (!created.TryGetValue(out ContainerRecord? stored, out error))
        {
            await leased.Snapshots.RemoveAsync(id, CancellationToken.None).ConfigureAwait(false);
            return error;
        }

        ContainerRuntimeLog.Created(_logger, id, image.Name);
        return new ContainerInfo(stored, null);
    }

    private RuntimeResult<ContainerRecord> BuildRecord(ContainerCreateOptions options, ImageSummary image, IReadOnlyList<Mount> mounts)
    {
        ImageProcessConfig? process = image.Config?.Config;
        string? user = process?.User;
        bool byName = !string.IsNullOrEmpty(user) && user.Split(':').Any(part => !part.All(char.IsAsciiDigit));
        RuntimeResult<ProcessUser> resolved = UserResolver.Resolve(
            user,
            byName ? RootfsFiles.ReadText(mounts, "/etc/passwd") : null,
            byName ? RootfsFiles.ReadText(mounts, "/etc/group") : null);
        if (!resolved.TryGetValue(out ProcessUser? processUser, out RuntimeError? error))
        {
            return error;
        }

        // A privileged container gets the agent's own capabilities, as containerd's WithPrivileged grants (§7.3).
        IReadOnlyList<string>? privileged = options.Spec.PrivilegedCapabilities;
        if (options.Spec.Privileged && privileged is null && !ProcessCapabilities.ReadCurrent().TryGetValue(out privileged, out error))
        {
            return error;
        }

        OciSpec spec = ContainerSpec.Build(options.Spec with
        {
            Image = process,
            User = processUser,
            CgroupsPath = CgroupsPaths.Cgroupfs(Options.Namespace, options.Id),
            PrivilegedCapabilities = privileged,
        });
        var labels = new Dictionary<string, string>(options.Labels, StringComparer.Ordinal) { [ContainerKeys.ManagedLabel] = "true" };
        return new ContainerRecord(options.Id, image.Name, options.Id, OciSpecJson.Serialize(spec))
        {
            Labels = labels,
            Runtime = Options.Runtime,
            Snapshotter = Options.Snapshotter,
            Extensions = new Dictionary<string, ContainerExtension>
            {
                [ContainerKeys.ConfigExtension] = new ContainerExtension(ContainerKeys.ConfigTypeUrl, options.ConfigDocument),
            },
        };
    }

    private static Dictionary<string, string> ExpiringLease() => new()
    {
        ["containerd.io/gc.expire"] = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
    };
}
