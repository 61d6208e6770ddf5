using System.Text;
using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Runtime.Tests.Logs;

public sealed class LogLineSplitterTests
{
    private const int Max = LogLineSplitter.MaxEntry;

    [Fact]
    public void Split_CompleteLines_OneEntryEachWithNewline()
    {
        Assert.Equal(["a\n", "\n", "bc\n"], Run("a\n\nbc\n"u8.ToArray()));
    }

    [Fact]
    public void Split_LineAcrossChunks_JoinedIntoOneEntry()
    {
        Assert.Equal(["hello world\n", "x\n"], Run("hel"u8.ToArray(), "lo wor"u8.ToArray(), "ld\nx\n"u8.ToArray()));
    }

    [Fact]
    public void Finish_UnterminatedLine_EntryWithoutNewline()
    {
        Assert.Equal(["a\n", "tail"], Run("a\ntail"u8.ToArray()));
    }

    [Fact]
    public void Split_LineOfExactlyMax_OneEntry()
    {
        string line = new string('x', Max) + "\n";

        Assert.Equal([line], Run(Encoding.ASCII.GetBytes(line)));
    }

    [Fact]
    public void Split_LineOfMaxPlusOne_PartialThenRest()
    {
        string line = new string('x', Max + 1) + "\n";

        Assert.Equal([new string('x', Max), "x\n"], Run(Encoding.ASCII.GetBytes(line)));
    }

    [Fact]
    public void Split_LongLine_PiecesOf16KiB()
    {
        string line = new string('y', (2 * Max) + 5) + "\n";

        Assert.Equal([new string('y', Max), new string('y', Max), "yyyyy\n"], Run(Encoding.ASCII.GetBytes(line)));
    }

    [Fact]
    public void Split_CutInsideUtf8Character_MovedBeforeIt()
    {
        // 16383 ASCII bytes, then "€" (3 bytes) straddles the 16 KiB cut.
        string line = new string('a', Max - 1) + "€b\n";

        List<string> entries = Run(Encoding.UTF8.GetBytes(line));

        Assert.Equal([new string('a', Max - 1), "€b\n"], entries);
    }

    [Fact]
    public void Split_EveryChunkBoundary_SameEntries()
    {
        byte[] input = Encoding.UTF8.GetBytes("first\nsecond ü\n\n" + new string('z', Max + 3) + "\nlast");
        List<string> expected = Run(input);

        for (int cut = 1; cut < input.Length; cut += 97)
        {
            Assert.Equal(expected, Run(input[..cut], input[cut..]));
        }

        Assert.Equal(["first\n", "second ü\n", "\n", new string('z', Max), "zzz\n", "last"], expected);
    }

    private static List<string> Run(params byte[][] chunks)
    {
        var entries = new List<string>();
        var splitter = new LogLineSplitter();
        LogEntryHandler collect = entry => entries.Add(Encoding.UTF8.GetString(entry));
        foreach (byte[] chunk in chunks)
        {
            splitter.Split(chunk, collect);
        }

        splitter.Finish(collect);
        return entries;
    }
}
