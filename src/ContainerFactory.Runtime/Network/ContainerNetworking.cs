using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// A container's whole network life, CRI style (the namespace exists before the task): connect = create the netns →
/// CNI ADD → resolve extraHosts (host_ip needs the bridge the ADD may just have created) → write hosts, hostname and
/// resolv.conf; disconnect = CNI DEL → delete the netns. Host mode creates no namespace and runs no plugin.
/// </summary>
public sealed class ContainerNetworking
{
    private readonly ILogger _logger;

    /// <summary>Wires the pieces over <paramref name="runner"/> (normally <see cref="ProcessCniPluginRunner"/>).</summary>
    public ContainerNetworking(NetworkOptions options, ICniPluginRunner runner, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Bridge = new BridgeNetwork(options, runner, logger);
        Namespaces = new NetworkNamespaces(options.NetnsDir);
    }

    /// <summary>The CNI side.</summary>
    public BridgeNetwork Bridge { get; }

    /// <summary>The pinned namespaces.</summary>
    public NetworkNamespaces Namespaces { get; }

    /// <summary>
    /// The IPv4 address <paramref name="containerId"/> has on the bridge, from the CNI result cache (kept while the
    /// container is attached, across agent restarts); null when it has none or the cache cannot be read.
    /// </summary>
    public string? BridgeAddressOf(string containerId) =>
        Bridge.TryGetAttachment(containerId).TryGetValue(out NetworkAttachment? attachment, out _) ? attachment?.IPAddress : null;

    /// <summary>
    /// What the task's creation needs before <see cref="ConnectAsync"/> has finished: the pinned namespace (bridge mode)
    /// that runc joins, and the three files the spec bind-mounts (created empty when missing; <see cref="ConnectAsync"/>
    /// writes their contents in place, so the mounts show them). Idempotent; on failure call <see cref="DisconnectAsync"/>.
    /// </summary>
    public RuntimeResult Prepare(ConnectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Mode == ContainerNetworkMode.Bridge && !Namespaces.TryCreate(request.ContainerId).TryGetValue(out _, out RuntimeError? error))
        {
            return error;
        }

        return ContainerNetworkFiles.TryEnsure(request.FilesDirectory);
    }

    /// <summary>
    /// Connects the container (idempotent: a connected container gets its attachment back and its files rewritten).
    /// A failure leaves the container disconnected (namespace and attachment removed); a malformed extraHosts entry
    /// fails with <see cref="RuntimeErrorKind.InvalidArgument"/>.
    /// </summary>
    public async Task<RuntimeResult<ContainerNetworkSetup>> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Mode == ContainerNetworkMode.Host)
        {
            return WriteFiles(request, "", null);
        }

        if (!Namespaces.TryCreate(request.ContainerId).TryGetValue(out string? netns, out RuntimeError? error))
        {
            return error;
        }

        var attach = new AttachRequest(request.ContainerId, netns, request.Ports, request.ReservedHostPorts);
        RuntimeResult<NetworkAttachment> attachment = await Bridge.AttachAsync(attach, cancellationToken).ConfigureAwait(false);
        RuntimeResult<ContainerNetworkSetup> setup = attachment.TryGetValue(out NetworkAttachment? value, out error)
            ? WriteFiles(request, netns, value)
            : error;
        if (!setup.IsSuccess)
        {
            _ = await DisconnectAsync(request.ContainerId, CancellationToken.None).ConfigureAwait(false);
        }

        return setup;
    }

    /// <summary>CNI DEL, then unmount and remove the namespace; a container that was never connected is success.</summary>
    public async Task<RuntimeResult> DisconnectAsync(string containerId, CancellationToken cancellationToken)
    {
        RuntimeResult detached = await Bridge.DetachAsync(containerId, Namespaces.PathOf(containerId), cancellationToken).ConfigureAwait(false);
        RuntimeResult deleted = Namespaces.TryDelete(containerId);
        return detached.IsSuccess ? deleted : detached;
    }

    private RuntimeResult<ContainerNetworkSetup> WriteFiles(ConnectRequest request, string netns, NetworkAttachment? attachment)
    {
        if (!HostNetworkProbe.TryReadAddresses().TryGetValue(out IReadOnlyList<HostInterfaceAddress>? addresses, out RuntimeError? error)
            || !ContainerNetworkFiles.TryReadHostFiles().TryGetValue(out HostNetworkFiles? host, out error))
        {
            return error;
        }

        var context = new ExtraHostsContext(request.Mode, Bridge.Options.BridgeName, addresses, request.FindPeers);
        if (!ExtraHostsResolver.Resolve(request.ExtraHosts, context).TryGetValue(out ExtraHostsResolution? extra, out error))
        {
            return error;
        }

        foreach (ExtraHostIssue issue in extra.Skipped)
        {
            NetworkLog.ExtraHostSkipped(_logger, request.ContainerId, issue.Entry, issue.Reason);
        }

        var spec = new NetworkFilesSpec(request.Mode, request.HostName, request.DomainName, extra.Entries, attachment?.IPAddress, host);
        NetworkFileSet files = ContainerNetworkFiles.Compose(spec);
        RuntimeResult written = ContainerNetworkFiles.TryWrite(request.FilesDirectory, files);
        return written.IsFailure(out error) ? error : new ContainerNetworkSetup(netns, attachment, files, extra.Skipped);
    }
}
