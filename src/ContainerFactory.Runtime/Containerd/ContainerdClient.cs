using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ContainersApi = ContainerFactory.Runtime.Containerd.Api.Containers;
using ContentApi = ContainerFactory.Runtime.Containerd.Api.Content;
using DiffApi = ContainerFactory.Runtime.Containerd.Api.Diff;
using EventsApi = ContainerFactory.Runtime.Containerd.Api.Events;
using ImagesApi = ContainerFactory.Runtime.Containerd.Api.Images;
using LeasesApi = ContainerFactory.Runtime.Containerd.Api.Leases;
using SnapshotsApi = ContainerFactory.Runtime.Containerd.Api.Snapshots;
using TasksApi = ContainerFactory.Runtime.Containerd.Api.Tasks;
using VersionApi = ContainerFactory.Runtime.Containerd.Api.VersionService;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>
/// The containerd adapter: one gRPC channel over the unix socket (connected lazily, on the first call), and typed
/// services that send the namespace on every namespaced call and the lease when this view has one. Every method
/// returns a <see cref="RuntimeResult"/>; only cancellation throws. Thread-safe.
/// </summary>
public sealed class ContainerdClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly ILogger _logger;
    private readonly ContainerdCaller _caller;
    private readonly bool _ownsChannel;

    /// <summary>Creates the client; no connection is made until the first call.</summary>
    /// <param name="options">Socket, namespace, snapshotter, runtime and deadlines.</param>
    /// <param name="loggerFactory">Optional; logging is off when null.</param>
    public ContainerdClient(ContainerdOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = factory.CreateLogger("ContainerFactory.Runtime.Containerd");
        _channel = ContainerdChannel.Create(options, factory);
        _ownsChannel = true;
        _caller = new ContainerdCaller(options, null, _logger);
        (Content, Images, Leases, Snapshots, Diff, Containers, Tasks) = CreateServices();
        Events = new GrpcEventService(new EventsApi.Events.EventsClient(_channel), _caller);
    }

    private ContainerdClient(ContainerdClient parent, string lease)
    {
        _channel = parent._channel;
        _logger = parent._logger;
        _ownsChannel = false;
        _caller = new ContainerdCaller(parent.Options, lease, _logger);
        (Content, Images, Leases, Snapshots, Diff, Containers, Tasks) = CreateServices();
        Events = new GrpcEventService(new EventsApi.Events.EventsClient(_channel), _caller);
    }

    /// <summary>The options this client was created with.</summary>
    public ContainerdOptions Options => _caller.Options;

    /// <summary>The lease every call of this view carries; null for the root client.</summary>
    public string? Lease => _caller.Lease;

    /// <summary>Content store.</summary>
    public IContentStore Content { get; }

    /// <summary>Image store.</summary>
    public IImageStore Images { get; }

    /// <summary>Leases.</summary>
    public ILeaseManager Leases { get; }

    /// <summary>Snapshots of <see cref="ContainerdOptions.Snapshotter"/>.</summary>
    public ISnapshotStore Snapshots { get; }

    /// <summary>Layer application.</summary>
    public IDiffService Diff { get; }

    /// <summary>Container records.</summary>
    public IContainerStore Containers { get; }

    /// <summary>Tasks.</summary>
    public ITaskService Tasks { get; }

    /// <summary>Event stream (all namespaces).</summary>
    public IEventService Events { get; }

    /// <summary>
    /// A view of this client whose calls carry <c>containerd-lease: <paramref name="leaseId"/></c>. It shares the
    /// channel: disposing the view does nothing, disposing the root client closes both.
    /// </summary>
    public ContainerdClient WithLease(string leaseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseId);
        return new ContainerdClient(this, leaseId);
    }

    /// <summary>
    /// containerd's version and revision (works without a namespace). A missing or refusing socket gives
    /// <see cref="RuntimeErrorKind.Unavailable"/> with the message <c>containerd not reachable at &lt;socket&gt;</c>.
    /// </summary>
    public Task<RuntimeResult<ContainerdVersion>> VersionAsync(CancellationToken cancellationToken = default)
    {
        var client = new VersionApi.Version.VersionClient(_channel);
        return _caller.InvokeAsync(
            "Version/Version",
            () => client.VersionAsync(new Google.Protobuf.WellKnownTypes.Empty(), _caller.Global(cancellationToken)),
            r => new ContainerdVersion(r.Version, r.Revision));
    }

    /// <summary>Closes the channel (root client only).</summary>
    public void Dispose()
    {
        if (_ownsChannel)
        {
            _channel.Dispose();
        }
    }

    private (IContentStore, IImageStore, ILeaseManager, ISnapshotStore, IDiffService, IContainerStore, ITaskService) CreateServices() =>
    (
        new GrpcContentStore(new ContentApi.Content.ContentClient(_channel), _caller),
        new GrpcImageStore(new ImagesApi.Images.ImagesClient(_channel), _caller),
        new GrpcLeaseManager(new LeasesApi.Leases.LeasesClient(_channel), _caller),
        new GrpcSnapshotStore(new SnapshotsApi.Snapshots.SnapshotsClient(_channel), _caller),
        new GrpcDiffService(new DiffApi.Diff.DiffClient(_channel), _caller),
        new GrpcContainerStore(new ContainersApi.Containers.ContainersClient(_channel), _caller),
        new GrpcTaskService(new TasksApi.Tasks.TasksClient(_channel), _caller)
    );
}
