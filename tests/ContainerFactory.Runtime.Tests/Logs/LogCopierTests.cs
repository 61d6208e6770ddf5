using System.IO.Pipes;
using System.Text;
using System.Text.Json;
using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Runtime.Tests.Logs;

public sealed class LogCopierTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private LogDriverOptions Options => LogDriverOptions.Default with { RootDir = _temp.Path };

    [Fact]
    public async Task Start_BothPipesEnd_WritesBothStreamsAndCompletes()
    {
        using var stdout = new MemoryStream("out 1\nout 2\n"u8.ToArray());
        using var stderr = new MemoryStream("err 1\nno newline"u8.ToArray());

        using LogCopier copier = LogCopier.Start(Options, "c1", stdout, stderr, new FixedTime()).Value;
        await copier.Completion.WaitAsync(Timeout);

        string[] lines = File.ReadAllLines(Path.Combine(_temp.Path, "c1", "json.log"));
        Assert.Equal(
            new[] { FixedTime.Line("stderr", "err 1\\n"), FixedTime.Line("stderr", "no newline") }.Select(l => l.TrimEnd('\n')),
            lines.Where(l => l.Contains("stderr", StringComparison.Ordinal)));
        Assert.Equal(
            new[] { FixedTime.Line("stdout", "out 1\\n"), FixedTime.Line("stdout", "out 2\\n") }.Select(l => l.TrimEnd('\n')),
            lines.Where(l => l.Contains("stdout", StringComparison.Ordinal)));
        Assert.Equal(new LogCopierStats(28, 4, 0, 0), copier.Stats);
    }

    [Fact]
    public async Task Start_ConcurrentPipes_EveryLineIntactAndInOrderPerStream()
    {
        const int Count = 20_000;
        using var outPipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var errPipe = new AnonymousPipeServerStream(PipeDirection.Out);
        var outRead = new AnonymousPipeClientStream(PipeDirection.In, outPipe.ClientSafePipeHandle);
        var errRead = new AnonymousPipeClientStream(PipeDirection.In, errPipe.ClientSafePipeHandle);

        using LogCopier copier = LogCopier.Start(Options with { MaxSize = 256 << 10, MaxFiles = 1000 }, "c2", outRead, errRead, TimeProvider.System).Value;
        await Task.WhenAll(Produce(outPipe, "out", Count), Produce(errPipe, "err", Count));
        await copier.Completion.WaitAsync(Timeout);

        var seen = new Dictionary<string, int> { ["stdout"] = 0, ["stderr"] = 0 };
        foreach (string file in Directory.GetFiles(Path.Combine(_temp.Path, "c2")).OrderByDescending(RotationIndex))
        {
            foreach (string line in File.ReadLines(file))
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                string stream = doc.RootElement.GetProperty("stream").GetString()!;
                string expected = $"{(stream == "stdout" ? "out" : "err")} line {seen[stream]++:D6} {new string('.', 40)}\n";
                Assert.Equal(expected, doc.RootElement.GetProperty("log").GetString());
            }
        }

        Assert.Equal(Count, seen["stdout"]);
        Assert.Equal(Count, seen["stderr"]);
    }

    [Fact]
    public async Task Start_NonBlocking_WritesEverythingWithoutPressure()
    {
        using var stdout = new MemoryStream(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 100).Select(i => $"{i}\n"))));
        using var stderr = new MemoryStream();

        using LogCopier copier = LogCopier.Start(Options with { Mode = LogDeliveryMode.NonBlocking }, "c3", stdout, stderr, new FixedTime()).Value;
        await copier.Completion.WaitAsync(Timeout);

        string[] lines = File.ReadAllLines(Path.Combine(_temp.Path, "c3", "json.log"));
        Assert.Equal(100, lines.Length);
        Assert.Equal(FixedTime.Line("stdout", "99\\n").TrimEnd('\n'), lines[^1]);
        Assert.Equal(new LogCopierStats(290, 100, 0, 0), copier.Stats);
    }

    [Fact]
    public async Task Start_DriverNone_DrainsAndWritesNothing()
    {
        using var stdout = new MemoryStream(new byte[100_000]);
        using var stderr = new MemoryStream("x\n"u8.ToArray());

        using LogCopier copier = LogCopier.Start(Options with { Driver = LogDriverType.None }, "c4", stdout, stderr, new FixedTime()).Value;
        await copier.Completion.WaitAsync(Timeout);

        Assert.Equal(new LogCopierStats(100_002, 0, 0, 0), copier.Stats);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    public void Start_IdNotAFileName_InvalidArgument(string id)
    {
        RuntimeResult<LogCopier> result = LogCopier.Start(Options, id, new MemoryStream(), new MemoryStream(), new FixedTime());

        Assert.Equal(RuntimeErrorKind.InvalidArgument, result.Error!.Kind);
        Assert.Equal($"container id '{id}' cannot name a log folder", result.Error.Message);
    }

    [Fact]
    public async Task Dispose_WhilePipeOpen_FlushesWhatWasRead()
    {
        using var outPipe = new AnonymousPipeServerStream(PipeDirection.Out);
        var outRead = new AnonymousPipeClientStream(PipeDirection.In, outPipe.ClientSafePipeHandle);
        LogCopier copier = LogCopier.Start(Options, "c5", outRead, new MemoryStream(), new FixedTime()).Value;
        await outPipe.WriteAsync("before\n"u8.ToArray());
        await outPipe.FlushAsync();
        string path = Path.Combine(_temp.Path, "c5", "json.log");
        await WaitUntil(() => File.ReadAllText(path).Length > 0);

        copier.Dispose();
        await outPipe.WriteAsync("after\n"u8.ToArray());

        Assert.False(copier.Completion.IsCompleted);
        Assert.Equal(FixedTime.Line("stdout", "before\\n"), File.ReadAllText(path));
    }

    private static async Task Produce(Stream pipe, string name, int count)
    {
        await Task.Yield();
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append(name).Append(" line ").Append(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
                .Append(' ').Append('.', 40).Append('\n');
            if (text.Length > 3000 || i == count - 1)
            {
                await pipe.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()));
                text.Clear();
            }
        }

        pipe.Dispose();
    }

    private static int RotationIndex(string path)
    {
        string name = Path.GetFileName(path);
        return name == "json.log" ? 0 : int.Parse(name["json.log.".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
