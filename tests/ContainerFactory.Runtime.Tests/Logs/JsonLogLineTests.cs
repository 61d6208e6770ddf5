using System.Text;
using System.Text.Json;
using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Runtime.Tests.Logs;

public sealed class JsonLogLineTests
{
    private static readonly DateTime Time = new DateTime(2022, 12, 13, 9, 14, 1, DateTimeKind.Utc).AddTicks(2_503_734);

    [Fact]
    public void Write_PlainLine_KeysInKantoOrder()
    {
        string line = JsonLogLine.ToText(LogStream.Stdout, "Hello from container-factory!\n"u8, Time);

        Assert.Equal("{\"stream\":\"stdout\",\"log\":\"Hello from container-factory!\\n\",\"time\":\"2022-12-13T09:14:01.250373400Z\"}\n", line);
    }

    [Fact]
    public void Write_Stderr_NamesStream()
    {
        string line = JsonLogLine.ToText(LogStream.Stderr, "oops\n"u8, Time);

        Assert.Equal("{\"stream\":\"stderr\",\"log\":\"oops\\n\",\"time\":\"2022-12-13T09:14:01.250373400Z\"}\n", line);
    }

    [Fact]
    public void Write_PartialLine_NoNewlineInLog()
    {
        string line = JsonLogLine.ToText(LogStream.Stdout, "part"u8, Time);

        Assert.Equal("{\"stream\":\"stdout\",\"log\":\"part\",\"time\":\"2022-12-13T09:14:01.250373400Z\"}\n", line);
    }

    [Theory]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("C:\\dir\\", "C:\\\\dir\\\\")]
    [InlineData("a\tb\r\n", "a\\tb\\r\\n")]
    [InlineData("\b\f", "\\b\\f")]
    [InlineData("\u0000\u0001\u001b[31m\u001f", "\\u0000\\u0001\\u001b[31m\\u001f")]
    [InlineData("<a href='x'>&amp;</a>\u007f", "<a href='x'>&amp;</a>\u007f")]
    [InlineData("héllo wörld 中文 😀", "héllo wörld 中文 😀")]
    [InlineData("line\u2028sep\u2029", "line\\u2028sep\\u2029")]
    [InlineData("", "")]
    public void Write_Escapes_RelaxedButValid(string content, string escaped)
    {
        string line = JsonLogLine.ToText(LogStream.Stdout, Encoding.UTF8.GetBytes(content), Time);

        Assert.Equal($"{{\"stream\":\"stdout\",\"log\":\"{escaped}\",\"time\":\"2022-12-13T09:14:01.250373400Z\"}}\n", line);
        Assert.Equal(content, LogOf(line));
    }

    [Fact]
    public void Write_InvalidUtf8_ReplacementCharacterEscaped()
    {
        byte[] content = [(byte)'a', 0xFF, (byte)'b', 0xE4, 0xB8, (byte)'c', 0xF0, 0x9F];

        string line = JsonLogLine.ToText(LogStream.Stdout, content, Time);

        Assert.Equal("{\"stream\":\"stdout\",\"log\":\"a\\ufffdb\\ufffdc\\ufffd\",\"time\":\"2022-12-13T09:14:01.250373400Z\"}\n", line);
        Assert.Equal("a\uFFFDb\uFFFDc\uFFFD", LogOf(line));
    }

    [Fact]
    public void Write_EveryByteValue_ParsesBackAsValidJson()
    {
        byte[] ascii = [.. Enumerable.Range(0, 128).Select(b => (byte)b)];

        string line = JsonLogLine.ToText(LogStream.Stdout, ascii, Time);

        Assert.Equal(Encoding.ASCII.GetString(ascii), LogOf(line));
    }

    [Fact]
    public void MaxLength_WorstCaseControlBytes_Suffices()
    {
        byte[] controls = new byte[1000];

        string line = JsonLogLine.ToText(LogStream.Stderr, controls, Time);

        Assert.Equal(JsonLogLine.MaxLength(1000) - 11, Encoding.UTF8.GetByteCount(line));
    }

    private static string LogOf(string line)
    {
        using JsonDocument document = JsonDocument.Parse(line);
        Assert.Equal(["stream", "log", "time"], document.RootElement.EnumerateObject().Select(p => p.Name));
        return document.RootElement.GetProperty("log").GetString()!;
    }
}
