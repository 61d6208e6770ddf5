using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Images;
using ContainerFactory.Runtime.Network;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Containers;

/// <summary>
/// Container life cycle on containerd (issue 4, kanto-protocol §7.2–§7.4): create (image present or pulled, snapshot
/// on the image's top chain id, spec, container record with our labels and config), start (network, task with the
/// log driver, start), stop (signal, timeout, force), pause, resume, remove. containerd is the only store.
/// </summary>
public sealed partial class ContainerRuntime
{
    private readonly ContainerdClient _containerd;
    private readonly ImageCatalog _images;
    private readonly ImagePuller _puller;
    private readonly ContainerNetworking _network;
    private readonly ILogger _logger;

    /// <summary>Wires the runtime over one containerd client.</summary>
    public ContainerRuntime(ContainerdClient containerd, ImagePuller puller, ContainerNetworking network, ILogger logger)
    {
        _containerd = containerd;
        _images = new ImageCatalog(containerd);
        _puller = puller;
        _network = network;
        _logger = logger;
    }

    /// <summary>The containerd options (namespace, snapshotter, runtime).</summary>
    public ContainerdOptions Options => _containerd.Options;

    /// <summary>The container's address on the bridge network (CNI result cache), or null when it has none.</summary>
    public string? BridgeAddressOf(string id) => _network.BridgeAddressOf(id);

    /// <summary>Every container of the namespace with its task.</summary>
    public async Task<RuntimeResult<IReadOnlyList<ContainerInfo>>> ListAsync(CancellationToken cancellationToken)
    {
        RuntimeResult<IReadOnlyList<ContainerRecord>> records = await _containerd.Containers.ListAsync(null, cancellationToken).ConfigureAwait(false);
        if (!records.TryGetValue(out IReadOnlyList<ContainerRecord>? containers, out RuntimeError? error))
        {
            return error;
        }

        RuntimeResult<IReadOnlyList<TaskProcess>> tasks = await _containerd.Tasks.ListAsync(cancellationToken).ConfigureAwait(false);
        if (!tasks.TryGetValue(out IReadOnlyList<TaskProcess>? processes, out error))
        {
            return error;
        }

        Dictionary<string, TaskProcess> byId = processes.ToDictionary(t => t.ContainerId, StringComparer.Ordinal);
        return containers.Select(c => new ContainerInfo(c, byId.GetValueOrDefault(c.Id))).ToList();
    }

    /// <summary>One container with its task; NotFound when it does not exist.</summary>
    public async Task<RuntimeResult<ContainerInfo>> GetAsync(string id, CancellationToken cancellationToken)
    {
        RuntimeResult<ContainerRecord> record = await _containerd.Containers.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (!record.TryGetValue(out ContainerRecord? container, out RuntimeError? error))
        {
            return error;
        }

        RuntimeResult<TaskProcess> task = await _containerd.Tasks.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (task.TryGetValue(out TaskProcess? process, out error) || error.Kind == RuntimeErrorKind.NotFound)
        {
            return new ContainerInfo(container, process);
        }

        return error;
    }

    /// <summary>Replaces the labels given in <paramref name="labels"/> (others are kept).</summary>
    public async Task<RuntimeResult> SetLabelsAsync(string id, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        RuntimeResult<ContainerRecord> record = await _containerd.Containers.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (!record.TryGetValue(out ContainerRecord? container, out RuntimeError? error))
        {
            return error;
        }

        var merged = new Dictionary<string, string>(container.Labels, StringComparer.Ordinal);
        foreach ((string key, string value) in labels)
        {
            merged[key] = value;
        }

        string[] paths = [.. labels.Keys.Select(k => $"labels.{k}")];
        RuntimeResult<ContainerRecord> updated = await _containerd.Containers
            .UpdateAsync(container with { Labels = merged }, paths, cancellationToken).ConfigureAwait(false);
        return updated.WithoutValue();
    }

    /// <summary>Replaces the config document kept with the container.</summary>
    public async Task<RuntimeResult> SetConfigDocumentAsync(string id, ReadOnlyMemory<byte> document, CancellationToken cancellationToken)
    {
        RuntimeResult<ContainerRecord> record = await _containerd.Containers.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (!record.TryGetValue(out ContainerRecord? container, out RuntimeError? error))
        {
            return error;
        }

        var extensions = new Dictionary<string, ContainerExtension>(container.Extensions, StringComparer.Ordinal)
        {
            [ContainerKeys.ConfigExtension] = new ContainerExtension(ContainerKeys.ConfigTypeUrl, document),
        };
        RuntimeResult<ContainerRecord> updated = await _containerd.Containers
            .UpdateAsync(container with { Extensions = extensions }, [$"extensions.{ContainerKeys.ConfigExtension}"], cancellationToken)
            .ConfigureAwait(false);
        return updated.WithoutValue();
    }
}
