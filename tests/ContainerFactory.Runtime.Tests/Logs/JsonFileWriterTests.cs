using System.Text;
using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Runtime.Tests.Logs;

public sealed class JsonFileWriterTests : IDisposable
{
    /// <summary>Every line below is 72 bytes: <c>{"stream":"stdout","log":"N\n","time":"…"}</c> and <c>\n</c>.</summary>
    private const int LineLength = 72;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Line(int n) => FixedTime.Line("stdout", $"{n}\\n");

    private static string Lines(params int[] numbers) => string.Concat(numbers.Select(Line));

    private IReadOnlyList<(string Name, string Text)> WriteLines(int count, int maxFiles, long maxSize)
    {
        using (JsonFileWriter writer = JsonFileWriter.Open(Path.Combine(_temp.Path, "c1"), maxFiles, maxSize).Value)
        {
            for (int n = 1; n <= count; n++)
            {
                Assert.True(writer.Append(LogStream.Stdout, Encoding.ASCII.GetBytes($"{n}\n"), FixedTime.Instant.UtcDateTime).IsSuccess);
            }
        }

        return _temp.Files("c1");
    }

    [Fact]
    public void Append_LineLength_Is72()
    {
        Assert.Equal(LineLength, Encoding.UTF8.GetByteCount(Line(1)));
    }

    [Fact]
    public void Append_MaxFiles3_KeepsTwoRotatedFiles()
    {
        Assert.Equal(
            [("json.log", Lines(7)), ("json.log.1", Lines(5, 6)), ("json.log.2", Lines(3, 4))],
            WriteLines(7, maxFiles: 3, maxSize: 2 * LineLength));
    }

    [Fact]
    public void Append_MaxFiles2_KeepsOneRotatedFile()
    {
        Assert.Equal(
            [("json.log", Lines(5)), ("json.log.1", Lines(3, 4))],
            WriteLines(5, maxFiles: 2, maxSize: 2 * LineLength));
    }

    [Fact]
    public void Append_MaxFiles1_Truncates()
    {
        Assert.Equal([("json.log", Lines(5))], WriteLines(5, maxFiles: 1, maxSize: 2 * LineLength));
    }

    [Theory]
    [InlineData(1, new[] { 3 }, new[] { 2 }, new[] { 1 })]
    [InlineData(LineLength, new[] { 3 }, new[] { 2 }, new[] { 1 })]
    [InlineData(LineLength + 1, new[] { 3 }, new[] { 1, 2 }, new int[0])]
    [InlineData((2 * LineLength) - 1, new[] { 3 }, new[] { 1, 2 }, new int[0])]
    [InlineData(2 * LineLength, new[] { 3 }, new[] { 1, 2 }, new int[0])]
    [InlineData((2 * LineLength) + 1, new[] { 1, 2, 3 }, new int[0], new int[0])]
    public void Append_SizesAroundThreshold_RotatesBeforeTheWriteThatFindsItFull(int maxSize, int[] current, int[] first, int[] second)
    {
        IReadOnlyList<(string Name, string Text)> files = WriteLines(3, maxFiles: 3, maxSize: maxSize);

        var expected = new List<(string, string)> { ("json.log", Lines(current)) };
        if (first.Length > 0)
        {
            expected.Add(("json.log.1", Lines(first)));
        }

        if (second.Length > 0)
        {
            expected.Add(("json.log.2", Lines(second)));
        }

        Assert.Equal(expected, files);
    }

    [Fact]
    public void Open_ExistingFile_AppendsAndCountsItsSize()
    {
        string folder = Path.Combine(_temp.Path, "c1");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "json.log"), Line(1));

        using (JsonFileWriter writer = JsonFileWriter.Open(folder, 2, 2 * LineLength).Value)
        {
            Assert.Equal(LineLength, writer.Size);
            _ = writer.Append(LogStream.Stdout, "2\n"u8, FixedTime.Instant.UtcDateTime);
            _ = writer.Append(LogStream.Stdout, "3\n"u8, FixedTime.Instant.UtcDateTime);
        }

        Assert.Equal([("json.log", Lines(3)), ("json.log.1", Lines(1, 2))], _temp.Files("c1"));
    }

    [Fact]
    public void Flush_BufferedLines_ReachTheFileOnlyOnFlush()
    {
        using JsonFileWriter writer = JsonFileWriter.Open(Path.Combine(_temp.Path, "c1"), 2, 1L << 20).Value;
        _ = writer.Append(LogStream.Stderr, "e\n"u8, FixedTime.Instant.UtcDateTime);

        Assert.Equal("", File.ReadAllText(writer.FilePath));
        Assert.Equal(LineLength, writer.Size);
        Assert.True(writer.Flush().IsSuccess);
        Assert.Equal(FixedTime.Line("stderr", "e\\n"), File.ReadAllText(writer.FilePath));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Open_CreatesFolderWithMode0640File()
    {
        string folder = Path.Combine(_temp.Path, "a", "b");

        using JsonFileWriter writer = JsonFileWriter.Open(folder, 2, 100).Value;

        Assert.Equal(Path.Combine(folder, "json.log"), writer.FilePath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(writer.FilePath));
    }

    [Fact]
    public void Open_FolderIsAFile_InternalErrorNamingThePath()
    {
        string blocker = Path.Combine(_temp.Path, "file");
        File.WriteAllText(blocker, "");

        RuntimeResult<JsonFileWriter> result = JsonFileWriter.Open(Path.Combine(blocker, "c1"), 2, 100);

        Assert.False(result.IsSuccess);
        Assert.Equal(RuntimeErrorKind.Internal, result.Error!.Kind);
        Assert.StartsWith($"cannot open {blocker}/c1/json.log: ", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_AfterDispose_Ignored()
    {
        JsonFileWriter writer = JsonFileWriter.Open(Path.Combine(_temp.Path, "c1"), 2, 100).Value;
        writer.Dispose();

        Assert.True(writer.Append(LogStream.Stdout, "late\n"u8, FixedTime.Instant.UtcDateTime).IsSuccess);
        writer.Dispose();
        Assert.Equal([("json.log", "")], _temp.Files("c1"));
    }
}
