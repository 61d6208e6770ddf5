using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>Creates the one gRPC channel to containerd: HTTP/2 cleartext over its unix socket.</summary>
internal static class ContainerdChannel
{
    /// <summary>
    /// The authority is irrelevant on a unix socket; <c>http://</c> makes grpc-dotnet speak HTTP/2 with prior
    /// knowledge (cleartext), which is what containerd's server expects.
    /// </summary>
    private static readonly Uri Address = new("http://localhost");

    public static GrpcChannel Create(ContainerdOptions options, ILoggerFactory loggerFactory)
    {
        var socketPath = options.Socket;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, cancellationToken) => ConnectAsync(socketPath, cancellationToken),
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
        };
        return GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = options.MaxReceiveMessageSize,
            MaxSendMessageSize = options.MaxReceiveMessageSize,
            LoggerFactory = loggerFactory,
            ThrowOperationCanceledOnCancellation = true,
        });
    }

    private static async ValueTask<Stream> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
