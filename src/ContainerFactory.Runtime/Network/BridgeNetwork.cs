using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// Puts containers on the bridge network through CNI (bridge + host-local + portmap, and loopback), keeping each ADD
/// result for CHECK and DEL like libcni. Every operation is idempotent: ADD of an attached container returns the
/// cached attachment, DEL of a missing one succeeds. Operations run one at a time (plugins racing to create the
/// bridge or the shared iptables chains gain nothing from parallelism on a device). Nothing throws but cancellation.
/// </summary>
public sealed partial class BridgeNetwork
{
    private const string Loopback = "lo";
    private readonly NetworkOptions _options;
    private readonly CniInvoker _invoker;
    private readonly CniResultCache _cache;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the network over <paramref name="runner"/> (normally <see cref="ProcessCniPluginRunner"/>).</summary>
    public BridgeNetwork(NetworkOptions options, ICniPluginRunner runner, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        _invoker = new CniInvoker(runner, options.CniBinDir, options.PluginTimeout, logger);
        _cache = new CniResultCache(options.ResultCacheDir);
    }

    /// <summary>The settings in use.</summary>
    public NetworkOptions Options => _options;

    /// <summary>
    /// Attaches the container: allocate host ports (none that another cached attachment forwards, nor
    /// <see cref="AttachRequest.ReservedHostPorts"/>) → choose the subnet → ADD loopback on <c>lo</c> → ADD the bridge list
    /// on <see cref="NetworkOptions.InterfaceName"/> → cache the result. A failure after the bridge ADD started is undone
    /// with DEL before it is returned, so nothing leaks. Fails with <see cref="RuntimeErrorKind.InvalidArgument"/> for a
    /// bad id or port, <see cref="RuntimeErrorKind.FailedPrecondition"/> when <see cref="AttachRequest.NetnsPath"/> is no
    /// network namespace, <see cref="RuntimeErrorKind.AlreadyExists"/> for a taken host port, or the plugin's error.
    /// </summary>
    public async Task<RuntimeResult<NetworkAttachment>> AttachAsync(AttachRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ExclusiveAsync(() => AttachCoreAsync(request, cancellationToken), static error => error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="operation"/> alone: one at a time in this process, and under the host-wide lock of the state
    /// folder, which other processes using the same folder (the local CLI, the agent) take too.
    /// </summary>
    private async Task<TResult> ExclusiveAsync<TResult>(Func<Task<TResult>> operation, Func<RuntimeError, TResult> failed, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            RuntimeResult<IDisposable> locked = await HostFileLock.AcquireAsync(_options.LockFile, _options.PluginTimeout * 8, cancellationToken).ConfigureAwait(false);
            if (!locked.TryGetValue(out IDisposable? hold, out RuntimeError? error))
            {
                return failed(error);
            }

            using (hold)
            {
                return await operation().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RuntimeResult<NetworkAttachment>> AttachCoreAsync(AttachRequest request, CancellationToken cancellationToken)
    {
        if (Validate(request.ContainerId, request.NetnsPath) is RuntimeError invalid)
        {
            return invalid;
        }

        if (!_cache.TryRead(request.ContainerId, _options.InterfaceName).TryGetValue(out CniCacheEntry? cached, out RuntimeError? error))
        {
            return error;
        }

        if (cached is not null)
        {
            if (cached.NetnsPath == request.NetnsPath && NetworkNamespace.IsNetworkNamespace(cached.NetnsPath))
            {
                return cached.Attachment;
            }

            NetworkLog.StaleAttachment(_logger, request.ContainerId, cached.NetnsPath);
            RuntimeResult stale = await DetachCoreAsync(request.ContainerId, cached.NetnsPath, cancellationToken).ConfigureAwait(false);
            if (!stale.IsSuccess)
            {
                return stale.Error!;
            }
        }

        if (!_cache.TryReadHeldHostPorts(request.ContainerId).TryGetValue(out IReadOnlySet<string>? held, out error))
        {
            return error;
        }

        var reserved = new HashSet<string>(held, StringComparer.Ordinal);
        reserved.UnionWith(request.ReservedHostPorts);
        if (!HostPortAllocator.Allocate(request.Ports, reserved).TryGetValue(out IReadOnlyList<PortMapping>? ports, out error)
            || !ChooseSubnet().TryGetValue(out BridgeSubnet? subnet, out error))
        {
            return error;
        }

        RuntimeResult<JsonElement> loopback = await _invoker.AddAsync(
            CniConfigFactory.Loopback(), new CniAttachmentArgs(request.ContainerId, request.NetnsPath, Loopback, []), cancellationToken).ConfigureAwait(false);
        if (!loopback.IsSuccess)
        {
            return loopback.Error!;
        }

        return await AddBridgeAsync(request, CniConfigFactory.Bridge(_options, subnet), ports, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The cached attachment of <paramref name="containerId"/>, or null when it has none.</summary>
    public RuntimeResult<NetworkAttachment?> TryGetAttachment(string containerId) =>
        _cache.TryRead(containerId, _options.InterfaceName).Map(entry => entry?.Attachment);

    private async Task<RuntimeResult<NetworkAttachment>> AddBridgeAsync(
        AttachRequest request, CniNetworkList list, IReadOnlyList<PortMapping> ports, CancellationToken cancellationToken)
    {
        var args = new CniAttachmentArgs(request.ContainerId, request.NetnsPath, _options.InterfaceName, ports);
        RuntimeResult<JsonElement> added = await _invoker.AddAsync(list, args, cancellationToken).ConfigureAwait(false);
        RuntimeResult<NetworkAttachment> attachment = added.IsSuccess
            ? ReadAttachment(added.Value, request, ports)
            : added.Error!;
        if (attachment.TryGetValue(out NetworkAttachment? value, out RuntimeError? error))
        {
            var entry = new CniCacheEntry
            {
                ContainerId = request.ContainerId,
                NetnsPath = request.NetnsPath,
                InterfaceName = _options.InterfaceName,
                Network = list,
                PortMappings = ports,
                Result = added.Value,
                Attachment = value,
            };
            if (_cache.TryWrite(entry).IsFailure(out error) is false)
            {
                NetworkLog.Attached(_logger, value.ContainerId, value.Bridge, value.IPAddress, value.PrefixLength, value.Gateway, ports.Count);
                return value;
            }
        }

        NetworkLog.RollingBack(_logger, request.ContainerId, error.Message);
        JsonElement? partial = added.IsSuccess ? added.Value : null;
        _ = await _invoker.DeleteAsync(list, args, partial, CancellationToken.None).ConfigureAwait(false);
        return error;
    }

    private RuntimeResult<NetworkAttachment> ReadAttachment(JsonElement result, AttachRequest request, IReadOnlyList<PortMapping> ports)
    {
        CniResult? parsed;
        try
        {
            parsed = result.Deserialize(NetworkJson.Default.CniResult);
        }
        catch (JsonException ex)
        {
            return CniPluginError.BadOutput("portmap", CniCommand.Add, ex.Message);
        }

        return parsed is null
            ? CniPluginError.BadOutput("portmap", CniCommand.Add, "null result")
            : NetworkAttachment.FromResult(parsed, request.ContainerId, request.NetnsPath, _options.InterfaceName, _options.BridgeName, ports);
    }

    private RuntimeResult<BridgeSubnet> ChooseSubnet()
    {
        RuntimeResult<BridgeSubnet> subnet = HostNetworkProbe.TryChooseSubnet(_options);
        if (subnet.TryGetValue(out BridgeSubnet? chosen, out _))
        {
            NetworkLog.SubnetChosen(_logger, _options.BridgeName, chosen.Subnet.ToString(), chosen.Gateway.ToString(), chosen.Source);
        }

        return subnet;
    }

    private static RuntimeError? Validate(string containerId, string netnsPath)
    {
        if (!NetworkNamespaces.IsValidName(containerId))
        {
            return new RuntimeError(RuntimeErrorKind.InvalidArgument, $"invalid CNI container id \"{containerId}\"");
        }

        return NetworkNamespace.IsNetworkNamespace(netnsPath)
            ? null
            : new RuntimeError(RuntimeErrorKind.FailedPrecondition, $"{netnsPath} is not a network namespace");
    }
}
