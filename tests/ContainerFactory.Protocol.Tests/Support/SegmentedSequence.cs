using System.Buffers;

namespace ContainerFactory.Protocol.Tests.Support;

/// <summary>Builds multi-segment sequences so that readers are tested over split buffers.</summary>
internal static class SegmentedSequence
{
    public static ReadOnlySequence<byte> Split(byte[] data, int offset)
    {
        if (offset <= 0 || offset >= data.Length)
        {
            return new ReadOnlySequence<byte>(data);
        }

        var first = new Segment(data.AsMemory(0, offset), 0);
        Segment last = first.Append(data.AsMemory(offset));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
