using System.Collections.Concurrent;
using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Twin;
using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Containers;
using ContainerFactory.Runtime.Network;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Agent.Containers;

/// <summary>
/// The containers as the cloud sees them: executes factory and container commands on the runtime, keeps the view of
/// every managed container (rebuilt from containerd alone at start), and reports every change to the twin.
/// Operations on one container are serialized (commands and task events alike).
/// </summary>
public sealed partial class ContainerService
{
    private readonly ContainerRuntime _runtime;
    private readonly ContainerPaths _paths;
    private readonly string _logDriverBinary;
    private readonly TwinPublisher _twin;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ContainerView> _views = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _addresses = new(StringComparer.Ordinal);
    private readonly PublishedFeatures _published;

    // Why the containers are not known yet: set until LoadAsync succeeds (the last failure, or "not read yet").
    private volatile RuntimeError? _unread = new(RuntimeErrorKind.Unavailable, "the containers have not been read from containerd yet");

    /// <summary>Wires the service; call <see cref="LoadAsync"/> before serving.</summary>
    /// <param name="runtime">The container runtime.</param>
    /// <param name="paths">Where container files live.</param>
    /// <param name="logDriverBinary">Absolute path of this binary, run by containerd as the log driver.</param>
    /// <param name="twin">The twin publisher.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">The logger.</param>
    public ContainerService(ContainerRuntime runtime, ContainerPaths paths, string logDriverBinary, TwinPublisher twin, TimeProvider clock, ILogger logger)
    {
        _runtime = runtime;
        _paths = paths;
        _logDriverBinary = logDriverBinary;
        _twin = twin;
        _clock = clock;
        _logger = logger;
        _published = new PublishedFeatures(Path.Combine(paths.StateDir, "twin-features.json"));
    }

    /// <summary>Every managed container as the agent shows it.</summary>
    public IReadOnlyCollection<ContainerView> Views => [.. _views.Values];

    /// <summary>Whether <paramref name="id"/> is a managed container.</summary>
    public bool Exists(string id) => _views.ContainsKey(id);

    /// <summary>
    /// Whether commands for <c>Container:&lt;id&gt;</c> are taken: for a managed container, and for any id while the
    /// containers have not been read from containerd (such a command is answered 503 — the container may well exist —
    /// rather than "feature not found").
    /// </summary>
    public bool Routes(string id) => _unread is not null || _views.ContainsKey(id);

    /// <summary>One container's view, or null.</summary>
    public ContainerView? Find(string id) => _views.GetValueOrDefault(id);

    /// <summary>Reads every managed container from containerd and rebuilds the views (no cloud, no network needed).</summary>
    public async Task<RuntimeResult> LoadAsync(CancellationToken cancellationToken)
    {
        RuntimeResult<IReadOnlyList<ContainerInfo>> listed = await _runtime.ListAsync(cancellationToken).ConfigureAwait(false);
        if (!listed.TryGetValue(out IReadOnlyList<ContainerInfo>? containers, out RuntimeError? error))
        {
            _unread = error;
            return error;
        }

        foreach (ContainerInfo info in containers.Where(c => c.Label(ContainerKeys.ManagedLabel) == "true"))
        {
            if (ToView(info) is { } view)
            {
                _views[view.Id] = view;
                // A container still running from before the agent restarted keeps its bridge address (container_<host>).
                if (view.State.Status is ContainerStatus.Running or ContainerStatus.Paused)
                {
                    RememberBridgeAddress(view.Id);
                }

                _restartCounts[view.Id] = long.TryParse(
                    info.Label(ContainerKeys.RestartCountLabel), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long count) ? count : 0;
            }
        }

        _unread = null;
        return RuntimeResult.Ok;
    }

    /// <summary>Executes one accepted command.</summary>
    public Task<CommandOutcome> ExecuteAsync(AgentCommand command, CancellationToken cancellationToken) => command switch
    {
        CreateContainerCommand create => CreateAsync(create, cancellationToken),
        ContainerOperationCommand operation when _unread is { } unread => Task.FromResult(CommandOutcome.Failed(new CommandError(
            CommandErrorKind.RuntimeUnavailable, $"container {operation.ContainerId} cannot be looked up: {unread.Message}"))),
        ContainerOperationCommand operation => OperateAsync(operation, cancellationToken),
        _ => Task.FromResult(CommandOutcome.Failed(new CommandError(CommandErrorKind.NotFound, $"unsupported command {command.GetType().Name}"))),
    };

    /// <summary>The view of <paramref name="info"/>: config rebuilt from the request kept with it, name from its label.</summary>
    private static ContainerView? ToView(ContainerInfo info)
    {
        ReadOnlySpan<byte> request = info.ConfigDocument.Span;
        if (!KantoDecoder.TryDecodeCreateWithConfig(request.IsEmpty ? "{}"u8 : request, out CreateRequest? decoded, out _) || decoded is null)
        {
            return null;
        }

        string? name = info.Label(ContainerKeys.NameLabel);
        ContainerConfig config = ContainerDefaults.Apply(info.Id, decoded with { ImageRef = info.Record.Image, Name = name ?? decoded.Name });
        return new ContainerView(
            config,
            info.Record.CreatedAt ?? DateTimeOffset.UnixEpoch,
            ContainerStates.From(info),
            info.ConfigDocument,
            info.Label(ContainerKeys.CorrelationIdLabel) ?? "");
    }

    private async Task<T> WithLockAsync<T>(string id, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = _locks.GetOrAdd(id, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await action().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
            // No container (removed, or never one): forget its lock, unless a newer one took the key meanwhile.
            if (!_views.ContainsKey(id))
            {
                _locks.TryRemove(new KeyValuePair<string, SemaphoreSlim>(id, gate));
            }
        }
    }

    /// <summary>Takes a running container's bridge address from the CNI cache, for <c>container_&lt;hostname&gt;</c> of its peers.</summary>
    private void RememberBridgeAddress(string id)
    {
        if (_runtime.BridgeAddressOf(id) is { } address)
        {
            _addresses[id] = address;
        }
    }

    private IReadOnlyList<ContainerPeer> FindPeers(string hostName) =>
        [.. _views.Values
            .Where(v => v.Config.HostName == hostName && v.Config.NetworkMode == NetworkMode.Bridge)
            .Select(v => new ContainerPeer(v.Id, _addresses.GetValueOrDefault(v.Id)))];

    private static CommandOutcome Fail(string message) => CommandOutcome.Failed(new CommandError(CommandErrorKind.Failed, message));

    private static CommandOutcome Fail(RuntimeError error) => CommandOutcome.Failed(RuntimeErrors.ToCommandError(error));
}
