using System.Numerics;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Registry;
using Google.Protobuf;
using ContentApi = ContainerFactory.Runtime.Containerd.Api.Content;

namespace ContainerFactory.Runtime.Tests.Containerd;

/// <summary>
/// The buffers of a blob's way from the registry to containerd come from one bucket of <c>ArrayPool&lt;byte&gt;.Shared</c>
/// (it rents the smallest power of two that holds the request), so the pool keeps one kind of buffer after a pull.
/// </summary>
public sealed class WriteChunkTests
{
    private const int GrpcFrameHeader = 5;
    private const int Bucket = 512 * 1024;

    [Fact]
    public void FullChunkAtTheLargestOffset_SerializedWithItsFrameHeader_FitsThe512KiBBucket()
    {
        var request = new ContentApi.WriteContentRequest
        {
            Action = ContentApi.WriteAction.Write,
            Offset = long.MaxValue,
            Data = ByteString.CopyFrom(new byte[ContainerdConstants.WriteChunkSize]),
        };

        int rented = GrpcFrameHeader + request.CalculateSize();

        Assert.Equal(Bucket, (int)BitOperations.RoundUpToPowerOf2((uint)rented));
    }

    [Fact]
    public void RegistryCopyBuffer_FillsOneWriteMessage()
    {
        Assert.Equal(ContainerdConstants.WriteChunkSize, RegistryClient.CopyBufferSize);
        Assert.Equal(Bucket, (int)BitOperations.RoundUpToPowerOf2(RegistryClient.CopyBufferSize));
    }
}
