namespace ContainerFactory.Runtime.Network;

public sealed partial class BridgeNetwork
{
    /// <summary>
    /// Detaches the container: DEL the bridge list in reverse with the cached list, port mappings and result (or, with
    /// no cache but a live namespace — an ADD interrupted before its result was cached — the current list and no
    /// prevResult: plugins release by container id), then DEL loopback, then drop the cache entry. When
    /// <paramref name="netnsPath"/> is no longer a namespace, <c>CNI_NETNS</c> is sent empty: the veth died with it and
    /// the plugins only release the address and the iptables rules. With neither a cache entry nor a namespace nothing
    /// is attached and no plugin runs (so host-mode containers detach even where no plugin is installed). The cache entry
    /// is kept when a plugin failed, so that DEL can be retried.
    /// </summary>
    public async Task<RuntimeResult> DetachAsync(string containerId, string netnsPath, CancellationToken cancellationToken)
    {
        return await ExclusiveAsync(() => DetachCoreAsync(containerId, netnsPath, cancellationToken), static error => (RuntimeResult)error, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RuntimeResult> DetachCoreAsync(string containerId, string netnsPath, CancellationToken cancellationToken)
    {
        if (!NetworkNamespaces.IsValidName(containerId))
        {
            return new RuntimeError(RuntimeErrorKind.InvalidArgument, $"invalid CNI container id \"{containerId}\"");
        }

        // A corrupt entry must not block the teardown: fall back to the current configuration.
        CniCacheEntry? cached = _cache.TryRead(containerId, _options.InterfaceName).TryGetValue(out CniCacheEntry? entry, out _) ? entry : null;
        bool alive = !string.IsNullOrEmpty(netnsPath) && NetworkNamespace.IsNetworkNamespace(netnsPath);
        if (cached is null && !alive)
        {
            return _cache.TryDelete(containerId, _options.InterfaceName);
        }

        string netns = alive ? netnsPath : "";
        CniNetworkList list = cached?.Network ?? CniConfigFactory.Bridge(_options, FallbackSubnet());
        var args = new CniAttachmentArgs(containerId, netns, _options.InterfaceName, cached?.PortMappings ?? []);
        RuntimeResult deleted = await _invoker.DeleteAsync(list, args, cached?.Result, cancellationToken).ConfigureAwait(false);
        if (alive)
        {
            RuntimeResult loopback = await _invoker.DeleteAsync(
                CniConfigFactory.Loopback(), new CniAttachmentArgs(containerId, netns, Loopback, []), null, cancellationToken).ConfigureAwait(false);
            deleted = deleted.IsSuccess ? loopback : deleted;
        }

        if (!deleted.IsSuccess)
        {
            return deleted;
        }

        RuntimeResult dropped = _cache.TryDelete(containerId, _options.InterfaceName);
        if (dropped.IsSuccess)
        {
            NetworkLog.Detached(_logger, containerId);
        }

        return dropped;
    }

    /// <summary>
    /// CHECKs the cached attachment (bridge list forward with the cached result). portmap is left out: 1.1.1's CHECK
    /// fails on every IPv4-only attachment ("could not check ipv6 dnat", containerd-notes.md §7). Fails with
    /// <see cref="RuntimeErrorKind.NotFound"/> when the container has no attachment.
    /// </summary>
    public async Task<RuntimeResult> CheckAsync(string containerId, CancellationToken cancellationToken)
    {
        return await ExclusiveAsync(() => CheckCoreAsync(containerId, cancellationToken), static error => (RuntimeResult)error, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RuntimeResult> CheckCoreAsync(string containerId, CancellationToken cancellationToken)
    {
        if (!_cache.TryRead(containerId, _options.InterfaceName).TryGetValue(out CniCacheEntry? cached, out RuntimeError? error))
        {
            return error;
        }

        if (cached is null)
        {
            return new RuntimeError(RuntimeErrorKind.NotFound, $"container {containerId} is not attached to the bridge network");
        }

        CniNetworkList list = cached.Network with { Plugins = [.. cached.Network.Plugins.Where(p => p.Type != "portmap")] };
        var args = new CniAttachmentArgs(containerId, cached.NetnsPath, cached.InterfaceName, cached.PortMappings);
        return await _invoker.CheckAsync(list, args, cached.Result, cancellationToken).ConfigureAwait(false);
    }

    // DEL without a cache entry allocates nothing: host-local releases by container id and bridge finds the veth by
    // name, so any well-formed range will do when the host cannot be probed.
    private BridgeSubnet FallbackSubnet() =>
        HostNetworkProbe.TryChooseSubnet(_options).TryGetValue(out BridgeSubnet? subnet, out _)
            ? subnet
            : new BridgeSubnet(SubnetChoice.DefaultPools[0], SubnetChoice.DefaultPools[0].FirstHost, SubnetSource.DefaultPool);
}
