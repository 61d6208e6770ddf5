using System.Text;
using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Runtime.Tests.Logs;

public sealed class JsonLogReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ReadLogs_AfterRotationByTheWriter_ReturnsEveryKeptLineOldestFirst()
    {
        string folder = Path.Combine(_temp.Path, "c1");
        using (JsonFileWriter writer = JsonFileWriter.Open(folder, maxFiles: 3, maxSize: 2 * 72).Value)
        {
            for (int n = 1; n <= 7; n++)
            {
                Assert.True(writer.Append(LogStream.Stdout, Encoding.ASCII.GetBytes($"{n}\n"), FixedTime.Instant.UtcDateTime).IsSuccess);
            }
        }

        Assert.Equal(["3\n", "4\n", "5\n", "6\n", "7\n"], JsonLogReader.ReadLogs(folder));
    }

    [Fact]
    public void FilesOf_TenRotatedFilesAndStrangers_OrdersByNumberDescendingThenCurrent()
    {
        foreach (string name in (string[])["json.log", "json.log.1", "json.log.2", "json.log.10", "json.log.x", "json.log.", "json.logs", "driver.log"])
        {
            File.WriteAllText(Path.Combine(_temp.Path, name), "");
        }

        Assert.Equal(
            ["json.log.10", "json.log.2", "json.log.1", "json.log"],
            JsonLogReader.FilesOf(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void FilesOf_MissingFolder_IsEmpty()
    {
        Assert.Empty(JsonLogReader.FilesOf(Path.Combine(_temp.Path, "missing")));
    }

    [Fact]
    public void ReadLogs_HalfWrittenAndForeignLines_SkipsThem()
    {
        File.WriteAllText(
            Path.Combine(_temp.Path, "json.log"),
            "{\"stream\":\"stderr\",\"log\":\"a \\\"quoted\\\" \\u00e9\\n\",\"time\":\"2024-06-28T07:35:21.1Z\"}\n"
            + "not json\n"
            + "{\"stream\":\"stdout\",\"time\":\"2024-06-28T07:35:21.1Z\"}\n"
            + "{\"stream\":\"stdout\",\"log\":\"half");

        Assert.Equal(["a \"quoted\" é\n"], JsonLogReader.ReadLogs(_temp.Path));
    }

    [Theory]
    [InlineData("{\"stream\":\"stdout\",\"log\":\"x\\n\",\"time\":\"t\"}", true)]
    [InlineData("{\"log\":\"x\\n\",\"extra\":{\"log\":\"inner\"}}", true)]
    [InlineData("{\"log\":1}", false)]
    [InlineData("[\"log\"]", false)]
    [InlineData("{\"log\":\"x\\n\"", false)]
    [InlineData("", false)]
    public void TryReadLog_Line_ReadsOnlyATopLevelStringLog(string line, bool expected)
    {
        bool read = JsonLogReader.TryReadLog(Encoding.UTF8.GetBytes(line), out string? log);

        Assert.Equal((expected, expected ? "x\n" : null), (read, log));
    }
}
