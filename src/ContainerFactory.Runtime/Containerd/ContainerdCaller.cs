using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>
/// Builds the metadata and deadline of every call and converts every <see cref="RpcException"/> into a
/// <see cref="RuntimeError"/> exactly once (<see cref="Fail"/>). Shared by all service wrappers of one client view.
/// </summary>
internal sealed class ContainerdCaller
{
    private readonly Metadata _namespaced;
    private readonly ILogger _logger;

    public ContainerdCaller(ContainerdOptions options, string? lease, ILogger logger)
    {
        Options = options;
        Lease = lease;
        _logger = logger;
        _namespaced = new Metadata { { ContainerdConstants.NamespaceHeader, options.Namespace } };
        if (lease is not null)
        {
            _namespaced.Add(ContainerdConstants.LeaseHeader, lease);
        }
    }

    public ContainerdOptions Options { get; }

    public string? Lease { get; }

    /// <summary>Namespaced unary call, deadline <see cref="ContainerdOptions.CallTimeout"/>.</summary>
    public CallOptions Unary(CancellationToken cancellationToken) =>
        new(_namespaced, DateTime.UtcNow + Options.CallTimeout, cancellationToken);

    /// <summary>Namespaced blob transfer or unpack, deadline <see cref="ContainerdOptions.TransferTimeout"/>.</summary>
    public CallOptions Transfer(CancellationToken cancellationToken) =>
        new(_namespaced, DateTime.UtcNow + Options.TransferTimeout, cancellationToken);

    /// <summary>
    /// Namespaced call that lasts as long as what it watches (Tasks/Wait): no deadline, ended by cancellation.
    /// </summary>
    public CallOptions Unbounded(CancellationToken cancellationToken) => new(_namespaced, null, cancellationToken);

    /// <summary>A call that needs no namespace (Version), deadline <see cref="ContainerdOptions.CallTimeout"/>.</summary>
    public CallOptions Global(CancellationToken cancellationToken) =>
        new(null, DateTime.UtcNow + Options.CallTimeout, cancellationToken);

    /// <summary>Runs a unary call and maps its response; failures become values.</summary>
    public async Task<RuntimeResult<T>> InvokeAsync<TResponse, T>(
        string operation,
        Func<AsyncUnaryCall<TResponse>> call,
        Func<TResponse, T> map)
    {
        try
        {
            using var pending = call();
            var response = await pending.ResponseAsync.ConfigureAwait(false);
            return map(response);
        }
        catch (RpcException e)
        {
            return Fail(operation, e);
        }
    }

    /// <summary>Runs a unary call whose response carries nothing the caller needs.</summary>
    public async Task<RuntimeResult> InvokeAsync<TResponse>(string operation, Func<AsyncUnaryCall<TResponse>> call)
    {
        var result = await InvokeAsync(operation, call, static _ => true).ConfigureAwait(false);
        return result.WithoutValue();
    }

    /// <summary>The single conversion point from <see cref="RpcException"/> to <see cref="RuntimeError"/>.</summary>
    public RuntimeError Fail(string operation, RpcException exception)
    {
        var error = RpcErrorMapper.Map(exception, Options.Socket);
        if (RpcErrorMapper.IsConnectFailure(exception))
        {
            ContainerdLog.NotReachable(_logger, Options.Socket, operation);
        }
        else
        {
            ContainerdLog.CallFailed(_logger, operation, exception.StatusCode, error.Message);
        }

        return error;
    }
}
