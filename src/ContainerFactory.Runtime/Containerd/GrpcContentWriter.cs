using Google.Protobuf;
using Grpc.Core;
using ContentApi = ContainerFactory.Runtime.Containerd.Api.Content;

namespace ContainerFactory.Runtime.Containerd;

/// <summary>
/// The Content/Write protocol (notes §3.1): the first message carries the ref (STAT); every request gets one
/// response; COMMIT is answered twice, so the stream is read to its end.
/// </summary>
internal sealed class GrpcContentWriter : IContentWriter
{
    private const string Operation = "Content/Write";
    private readonly AsyncDuplexStreamingCall<ContentApi.WriteContentRequest, ContentApi.WriteContentResponse> _call;
    private readonly ContainerdCaller _caller;
    private readonly long _total;
    private readonly string _expected;

    private GrpcContentWriter(
        AsyncDuplexStreamingCall<ContentApi.WriteContentRequest, ContentApi.WriteContentResponse> call,
        ContainerdCaller caller, long total, string expected, ContentApi.WriteContentResponse status)
    {
        _call = call;
        _caller = caller;
        _total = total;
        _expected = expected;
        Offset = status.Offset;
        Digest = status.Digest;
    }

    public long Offset { get; private set; }

    public string Digest { get; private set; }

    public static async Task<RuntimeResult<IContentWriter>> OpenAsync(
        ContentApi.Content.ContentClient client, ContainerdCaller caller,
        string reference, long total, string expected, CancellationToken cancellationToken)
    {
        var call = client.Write(caller.Transfer(cancellationToken));
        try
        {
            var stat = new ContentApi.WriteContentRequest
            {
                Action = ContentApi.WriteAction.Stat, Ref = reference, Total = total, Expected = expected,
            };
            await call.RequestStream.WriteAsync(stat, cancellationToken).ConfigureAwait(false);
            if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                call.Dispose();
                return new RuntimeError(RuntimeErrorKind.Internal, $"containerd closed the write of {reference} without a status");
            }

            return new GrpcContentWriter(call, caller, total, expected, call.ResponseStream.Current);
        }
        catch (RpcException e)
        {
            call.Dispose();
            return caller.Fail(Operation, e);
        }
    }

    public async Task<RuntimeResult> WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        try
        {
            while (!data.IsEmpty)
            {
                var chunk = data[..Math.Min(data.Length, ContainerdConstants.WriteChunkSize)];
                var request = new ContentApi.WriteContentRequest
                {
                    Action = ContentApi.WriteAction.Write, Offset = Offset, Data = UnsafeByteOperations.UnsafeWrap(chunk),
                };
                var response = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
                if (response is null || response.Offset != Offset + chunk.Length)
                {
                    return new RuntimeError(RuntimeErrorKind.Internal,
                        $"containerd acknowledged offset {response?.Offset} after writing {chunk.Length} bytes at {Offset}");
                }

                Offset = response.Offset;
                Digest = response.Digest;
                data = data[chunk.Length..];
            }

            return RuntimeResult.Ok;
        }
        catch (RpcException e)
        {
            return _caller.Fail(Operation, e);
        }
    }

    public async Task<RuntimeResult> CommitAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var request = new ContentApi.WriteContentRequest
        {
            Action = ContentApi.WriteAction.Commit, Total = _total, Expected = _expected, Offset = Offset,
        };
        ProtoMapping.AddAll(request.Labels, labels);
        try
        {
            await _call.RequestStream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            await _call.RequestStream.CompleteAsync().ConfigureAwait(false);
            while (await _call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                Digest = _call.ResponseStream.Current.Digest;
                Offset = _call.ResponseStream.Current.Offset;
            }

            return RuntimeResult.Ok;
        }
        catch (RpcException e)
        {
            return _caller.Fail(Operation, e);
        }
    }

    public ValueTask DisposeAsync()
    {
        _call.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<ContentApi.WriteContentResponse?> ExchangeAsync(
        ContentApi.WriteContentRequest request, CancellationToken cancellationToken)
    {
        await _call.RequestStream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        return await _call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false) ? _call.ResponseStream.Current : null;
    }
}
