using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ContentApi = ContainerFactory.Runtime.Containerd.Api.Content;

namespace ContainerFactory.Runtime.Containerd;

/// <summary><see cref="IContentStore"/> over containerd's Content service.</summary>
internal sealed class GrpcContentStore(ContentApi.Content.ContentClient client, ContainerdCaller caller) : IContentStore
{
    public Task<RuntimeResult<ContentInfo>> InfoAsync(string digest, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Content/Info",
            () => client.InfoAsync(new ContentApi.InfoRequest { Digest = digest }, caller.Unary(cancellationToken)),
            r => ToInfo(r.Info));

    public Task<RuntimeResult<ContentInfo>> UpdateLabelsAsync(
        string digest, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default)
    {
        // A mask path "labels.<key>" sets that label from info.labels, or removes it when info lacks it.
        var request = new ContentApi.UpdateRequest { Info = new ContentApi.Info { Digest = digest }, UpdateMask = new FieldMask() };
        foreach (var (key, value) in labels)
        {
            request.UpdateMask.Paths.Add("labels." + key);
            if (value.Length > 0)
            {
                request.Info.Labels[key] = value;
            }
        }

        return caller.InvokeAsync(
            "Content/Update", () => client.UpdateAsync(request, caller.Unary(cancellationToken)), r => ToInfo(r.Info));
    }

    public async Task<RuntimeResult<long>> ReadAsync(
        string digest, long offset, Stream destination, CancellationToken cancellationToken = default)
    {
        try
        {
            using var call = client.Read(
                new ContentApi.ReadContentRequest { Digest = digest, Offset = offset }, caller.Transfer(cancellationToken));
            long copied = 0;
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await destination.WriteAsync(message.Data.Memory, cancellationToken).ConfigureAwait(false);
                copied += message.Data.Length;
            }

            return copied;
        }
        catch (RpcException e)
        {
            return caller.Fail("Content/Read", e);
        }
    }

    public async Task<RuntimeResult<byte[]>> ReadAllBytesAsync(string digest, int maxBytes, CancellationToken cancellationToken = default)
    {
        try
        {
            using var call = client.Read(new ContentApi.ReadContentRequest { Digest = digest }, caller.Transfer(cancellationToken));
            using var buffer = new MemoryStream();
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (buffer.Length + message.Data.Length > maxBytes)
                {
                    return new RuntimeError(RuntimeErrorKind.InvalidArgument, $"content {digest} is larger than {maxBytes} bytes");
                }

                buffer.Write(message.Data.Span);
            }

            return buffer.ToArray();
        }
        catch (RpcException e)
        {
            return caller.Fail("Content/Read", e);
        }
    }

    public Task<RuntimeResult<IContentWriter>> OpenWriterAsync(
        string reference, long total, string expected, CancellationToken cancellationToken = default) =>
        GrpcContentWriter.OpenAsync(client, caller, reference, total, expected, cancellationToken);

    public Task<RuntimeResult> DeleteAsync(string digest, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Content/Delete",
            () => client.DeleteAsync(new ContentApi.DeleteContentRequest { Digest = digest }, caller.Unary(cancellationToken)));

    public Task<RuntimeResult> AbortAsync(string reference, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Content/Abort",
            () => client.AbortAsync(new ContentApi.AbortRequest { Ref = reference }, caller.Unary(cancellationToken)));

    private static ContentInfo ToInfo(ContentApi.Info? info) =>
        info is null
            ? new ContentInfo("", 0, new Dictionary<string, string>())
            : new ContentInfo(info.Digest, info.Size, ProtoMapping.Copy(info.Labels))
            {
                CreatedAt = ProtoMapping.FromProto(info.CreatedAt),
                UpdatedAt = ProtoMapping.FromProto(info.UpdatedAt),
            };
}
