using System.Net.Sockets;
using ContainerFactory.Runtime.Containerd;
using Grpc.Core;

namespace ContainerFactory.Runtime.Tests.Containerd;

public sealed class RpcErrorMapperTests
{
    private const string Socket = "/run/containerd/containerd.sock";

    [Theory]
    [InlineData(StatusCode.NotFound, RuntimeErrorKind.NotFound)]
    [InlineData(StatusCode.AlreadyExists, RuntimeErrorKind.AlreadyExists)]
    [InlineData(StatusCode.FailedPrecondition, RuntimeErrorKind.FailedPrecondition)]
    [InlineData(StatusCode.Unavailable, RuntimeErrorKind.Unavailable)]
    [InlineData(StatusCode.InvalidArgument, RuntimeErrorKind.InvalidArgument)]
    [InlineData(StatusCode.OutOfRange, RuntimeErrorKind.InvalidArgument)]
    [InlineData(StatusCode.DeadlineExceeded, RuntimeErrorKind.DeadlineExceeded)]
    [InlineData(StatusCode.Unauthenticated, RuntimeErrorKind.Unauthorized)]
    [InlineData(StatusCode.PermissionDenied, RuntimeErrorKind.Unauthorized)]
    [InlineData(StatusCode.Unknown, RuntimeErrorKind.Internal)]
    [InlineData(StatusCode.Internal, RuntimeErrorKind.Internal)]
    [InlineData(StatusCode.Unimplemented, RuntimeErrorKind.Internal)]
    [InlineData(StatusCode.Aborted, RuntimeErrorKind.Internal)]
    [InlineData(StatusCode.ResourceExhausted, RuntimeErrorKind.Internal)]
    [InlineData(StatusCode.DataLoss, RuntimeErrorKind.Internal)]
    [InlineData(StatusCode.Cancelled, RuntimeErrorKind.Internal)]
    public void Map_ServerStatus_KindFromCodeAndServerDetail(StatusCode code, RuntimeErrorKind kind)
    {
        var error = RpcErrorMapper.Map(new RpcException(new Status(code, "content sha256:ab: already exists")), Socket);

        Assert.Equal(new RuntimeError(kind, "content sha256:ab: already exists"), error);
    }

    [Fact]
    public void Map_ServerUnavailable_KeepsServerDetail()
    {
        var error = RpcErrorMapper.Map(new RpcException(new Status(StatusCode.Unavailable, "ref ns/1/layer-x locked for 2s")), Socket);

        Assert.Equal(new RuntimeError(RuntimeErrorKind.Unavailable, "ref ns/1/layer-x locked for 2s"), error);
    }

    [Fact]
    public void Map_SocketFailure_IsNotReachable()
    {
        var cause = new HttpRequestException(HttpRequestError.ConnectionError, "connect failed", new SocketException((int)SocketError.AddressNotAvailable));
        var error = RpcErrorMapper.Map(new RpcException(new Status(StatusCode.Unavailable, "Error starting gRPC call.", cause)), Socket);

        Assert.Equal(new RuntimeError(RuntimeErrorKind.Unavailable, $"containerd not reachable at {Socket}"), error);
    }

    [Fact]
    public void Map_EmptyDetail_NamesTheCode()
    {
        var error = RpcErrorMapper.Map(new RpcException(new Status(StatusCode.Internal, "")), Socket);

        Assert.Equal("containerd: Internal", error.Message);
    }
}
