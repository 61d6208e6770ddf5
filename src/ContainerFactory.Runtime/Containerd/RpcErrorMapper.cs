using System.Net.Sockets;
using Grpc.Core;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>
/// The one place where a gRPC status becomes a <see cref="RuntimeError"/>. containerd's errdefs map one to one onto
/// gRPC codes, so the kind comes from the code alone; the message keeps the server's detail text for people.
/// </summary>
internal static class RpcErrorMapper
{
    public static RuntimeErrorKind KindOf(StatusCode code) => code switch
    {
        StatusCode.NotFound => RuntimeErrorKind.NotFound,
        StatusCode.AlreadyExists => RuntimeErrorKind.AlreadyExists,
        StatusCode.FailedPrecondition => RuntimeErrorKind.FailedPrecondition,
        StatusCode.Unavailable => RuntimeErrorKind.Unavailable,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => RuntimeErrorKind.InvalidArgument,
        StatusCode.DeadlineExceeded => RuntimeErrorKind.DeadlineExceeded,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => RuntimeErrorKind.Unauthorized,
        _ => RuntimeErrorKind.Internal,
    };

    /// <summary>Maps a failed call. A connection that could not be made becomes the fixed "not reachable" error.</summary>
    public static RuntimeError Map(RpcException exception, string socket)
    {
        if (IsConnectFailure(exception))
        {
            return NotReachable(socket);
        }

        var kind = KindOf(exception.StatusCode);
        var detail = exception.Status.Detail;
        return new RuntimeError(kind, string.IsNullOrEmpty(detail) ? $"containerd: {exception.StatusCode}" : detail);
    }

    /// <summary><c>containerd not reachable at &lt;socket&gt;</c>, kind <see cref="RuntimeErrorKind.Unavailable"/>.</summary>
    public static RuntimeError NotReachable(string socket) =>
        new(RuntimeErrorKind.Unavailable, $"containerd not reachable at {socket}");

    /// <summary>
    /// True when grpc-dotnet reports UNAVAILABLE because the socket could not be connected (missing, refused,
    /// permission denied): the cause is a client-side socket or connection error, not a status from the server.
    /// </summary>
    public static bool IsConnectFailure(RpcException exception)
    {
        if (exception.StatusCode != StatusCode.Unavailable)
        {
            return false;
        }

        for (var e = exception.Status.DebugException; e is not null; e = e.InnerException)
        {
            if (e is SocketException || e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
            {
                return true;
            }
        }

        return false;
    }
}
