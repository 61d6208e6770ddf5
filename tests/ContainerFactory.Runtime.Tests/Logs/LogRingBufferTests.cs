using System.Text;
using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Runtime.Tests.Logs;

public sealed class LogRingBufferTests
{
    private static readonly DateTime Time = FixedTime.Instant.UtcDateTime;

    [Fact]
    public void Add_WithinCapacity_KeepsAllInOrder()
    {
        var ring = new LogRingBuffer(10);

        Assert.Equal(0, ring.Add(LogStream.Stdout, "abc"u8, Time));
        Assert.Equal(0, ring.Add(LogStream.Stderr, "defg"u8, Time));
        Assert.Equal(0, ring.Add(LogStream.Stdout, "hij"u8, Time));

        Assert.Equal(10, ring.Bytes);
        Assert.Equal(["stdout:abc", "stderr:defg", "stdout:hij"], TakeAll(ring));
        Assert.Equal(0, ring.DroppedEntries);
    }

    [Fact]
    public void Add_Full_DropsOldestUntilTheNewOneFits()
    {
        var ring = new LogRingBuffer(10);
        ring.Add(LogStream.Stdout, "aaaa"u8, Time);
        ring.Add(LogStream.Stdout, "bbb"u8, Time);
        ring.Add(LogStream.Stdout, "cc"u8, Time);

        int dropped = ring.Add(LogStream.Stderr, "dddddd"u8, Time);

        Assert.Equal(2, dropped);
        Assert.Equal(["stdout:cc", "stderr:dddddd"], TakeAll(ring));
        Assert.Equal(2, ring.DroppedEntries);
        Assert.Equal(7, ring.DroppedBytes);
    }

    [Fact]
    public void Add_EntryLargerThanCapacity_KeptAlone()
    {
        var ring = new LogRingBuffer(4);
        ring.Add(LogStream.Stdout, "ab"u8, Time);

        Assert.Equal(1, ring.Add(LogStream.Stdout, "0123456789"u8, Time));

        Assert.Equal(["stdout:0123456789"], TakeAll(ring));
    }

    [Fact]
    public void Add_ManyOverCapacity_HoldsNewestWithinCapacity()
    {
        var ring = new LogRingBuffer(100);
        for (int i = 0; i < 1000; i++)
        {
            ring.Add(LogStream.Stdout, Encoding.ASCII.GetBytes($"line {i:D4}\n"), Time);
        }

        List<string> kept = TakeAll(ring);

        Assert.Equal(10, kept.Count);
        Assert.Equal("stdout:line 0990\n", kept[0]);
        Assert.Equal("stdout:line 0999\n", kept[^1]);
        Assert.Equal(990, ring.DroppedEntries);
        Assert.Equal(990 * 10, ring.DroppedBytes);
    }

    [Fact]
    public void TakeAll_CompletedAndEmpty_False()
    {
        var ring = new LogRingBuffer(10);
        ring.Add(LogStream.Stdout, "x"u8, Time);
        ring.Complete();
        var batch = new List<BufferedEntry>();

        Assert.True(ring.TakeAll(batch));
        LogRingBuffer.Release(batch);
        Assert.False(ring.TakeAll(batch));
        Assert.Empty(batch);
    }

    [Fact]
    public async Task TakeAll_Empty_WaitsForAdd()
    {
        var ring = new LogRingBuffer(10);
        var batch = new List<BufferedEntry>();
        Task<bool> take = Task.Run(() => ring.TakeAll(batch));
        await Task.Delay(50);
        Assert.False(take.IsCompleted);

        ring.Add(LogStream.Stdout, "x"u8, Time);

        Assert.True(await take.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Single(batch);
    }

    private static List<string> TakeAll(LogRingBuffer ring)
    {
        var batch = new List<BufferedEntry>();
        ring.Complete();
        _ = ring.TakeAll(batch);
        List<string> texts = [.. batch.Select(e => $"{(e.Stream == LogStream.Stdout ? "stdout" : "stderr")}:{Encoding.ASCII.GetString(e.Buffer, 0, e.Length)}")];
        LogRingBuffer.Release(batch);
        return texts;
    }
}
