using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Logs;

/// <summary>Drives the published native binary as containerd's shim would start it as a binary:// log driver.</summary>
public sealed partial class PublishedLogDriverTests
{
    private const string Time = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z";

    [GeneratedRegex("^line (\\d{3})$")]
    private static partial Regex NumberedLine();

    [Fact]
    public async Task Run_LinesOnBothPipes_ReadyFirstThenJsonLogAndExit0AtEof()
    {
        await using ShimHarness shim = await ShimHarness.StartAsync("c-basic", "mode", "blocking", "log-driver", "", "max-size", "1m");

        byte[] ready = await shim.Readiness.WaitAsync(ShimHarness.Timeout);
        await shim.WriteAsync(shim.Stdout, "Hello from container-factory!\n");
        await shim.WriteAsync(shim.Stderr, "oops \"quoted\"\tü\n");
        await shim.WriteAsync(shim.Stdout, "no newline at the end");
        await shim.ClosePipesAsync();
        (int code, string stderr) = await shim.WaitForExitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([1], ready);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(["json.log"], Directory.GetFiles(shim.LogDir).Select(Path.GetFileName));
        string[] lines = File.ReadAllLines(Path.Combine(shim.LogDir, "json.log"));
        Assert.Equal(3, lines.Length);
        Assert.Matches($"^\\{{\"stream\":\"stdout\",\"log\":\"Hello from container-factory!\\\\n\",\"time\":\"{Time}\"\\}}$", lines.Single(l => l.Contains("Hello", StringComparison.Ordinal)));
        Assert.Matches($"^\\{{\"stream\":\"stderr\",\"log\":\"oops \\\\\"quoted\\\\\"\\\\tü\\\\n\",\"time\":\"{Time}\"\\}}$", lines.Single(l => l.Contains("stderr", StringComparison.Ordinal)));
        Assert.Matches($"^\\{{\"stream\":\"stdout\",\"log\":\"no newline at the end\",\"time\":\"{Time}\"\\}}$", lines.Single(l => l.Contains("no newline", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_MaxSize1KMaxFiles3_RotatesKeepingThreeFiles()
    {
        await using ShimHarness shim = await ShimHarness.StartAsync("c-rotate", "max-files", "3", "log-driver", "", "max-size", "1K");
        await shim.Readiness.WaitAsync(ShimHarness.Timeout);

        // Every JSON line is 79 bytes, so a file rotates after 13 lines (1027 bytes ≥ 1024).
        var text = new StringBuilder();
        for (int i = 1; i <= 100; i++)
        {
            text.Append($"line {i:D3}\n");
        }

        await shim.WriteAsync(shim.Stdout, text.ToString());
        await shim.ClosePipesAsync();
        (int code, _) = await shim.WaitForExitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, code);
        Assert.Equal(["json.log", "json.log.1", "json.log.2"], Directory.GetFiles(shim.LogDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Range(92, 100), Numbers(Path.Combine(shim.LogDir, "json.log")));
        Assert.Equal(Range(79, 91), Numbers(Path.Combine(shim.LogDir, "json.log.1")));
        Assert.Equal(Range(66, 78), Numbers(Path.Combine(shim.LogDir, "json.log.2")));
        Assert.Equal(13 * 79, new FileInfo(Path.Combine(shim.LogDir, "json.log.1")).Length);
    }

    [Fact]
    public async Task Sigterm_ThenPipesClosed_DrainsAndExits0Promptly()
    {
        await using ShimHarness shim = await ShimHarness.StartAsync("c-term", "log-driver", "");
        await shim.Readiness.WaitAsync(ShimHarness.Timeout);
        await shim.WriteAsync(shim.Stdout, "before term\n");

        await shim.TerminateAsync();
        await Task.Delay(200);
        Assert.False(shim.HasExited, "the driver must keep draining after SIGTERM while the pipes are open");
        await shim.WriteAsync(shim.Stderr, "during drain\n");
        var watch = Stopwatch.StartNew();
        await shim.ClosePipesAsync();
        (int code, _) = await shim.WaitForExitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"exit took {watch.Elapsed} after the pipes closed");
        string log = File.ReadAllText(Path.Combine(shim.LogDir, "json.log"));
        Assert.Contains("\"log\":\"before term\\n\"", log, StringComparison.Ordinal);
        Assert.Contains("{\"stream\":\"stderr\",\"log\":\"during drain\\n\"", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_PipesNeverClose_Exits0WithinTenSeconds()
    {
        await using ShimHarness shim = await ShimHarness.StartAsync("c-stuck", "log-driver", "");
        await shim.Readiness.WaitAsync(ShimHarness.Timeout);
        await shim.WriteAsync(shim.Stdout, "kept\n");
        await Task.Delay(200);

        var watch = Stopwatch.StartNew();
        await shim.TerminateAsync();
        (int code, _) = await shim.WaitForExitAsync(TimeSpan.FromSeconds(12));

        Assert.Equal(0, code);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10));
        Assert.Matches($"^\\{{\"stream\":\"stdout\",\"log\":\"kept\\\\n\",\"time\":\"{Time}\"\\}}\n$", File.ReadAllText(Path.Combine(shim.LogDir, "json.log")));
    }

    [Fact]
    public async Task Run_DriverNone_DrainsWithoutFiles()
    {
        await using ShimHarness shim = await ShimHarness.StartAsync("c-none", "driver", "none", "log-driver", "");
        await shim.Readiness.WaitAsync(ShimHarness.Timeout);

        await shim.WriteAsync(shim.Stdout, new string('x', 200_000) + "\n");
        await shim.ClosePipesAsync();
        (int code, _) = await shim.WaitForExitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, code);
        Assert.False(Directory.Exists(shim.RootDir));
    }

    [Fact]
    public async Task Run_NonBlockingTinyBuffer_EveryLineWrittenOrCountedAsDropped()
    {
        await using ShimHarness shim = await ShimHarness.StartAsync(
            "c-nonblock", "mode", "non-blocking", "max-buffer-size", "64B", "log-driver", "", "max-size", "100M");
        await shim.Readiness.WaitAsync(ShimHarness.Timeout);

        var text = new StringBuilder();
        for (int i = 0; i < 50_000; i++)
        {
            text.Append($"line {i:D6}\n");
        }

        await shim.WriteAsync(shim.Stdout, text.ToString());
        await shim.ClosePipesAsync();
        (int code, _) = await shim.WaitForExitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, code);
        int written = File.ReadAllLines(Path.Combine(shim.LogDir, "json.log")).Length;
        string driverLog = Path.Combine(shim.LogDir, "driver.log");
        int dropped = 0;
        if (File.Exists(driverLog))
        {
            string[] notes = File.ReadAllLines(driverLog);
            Assert.Matches($"^{Time} non-blocking buffer of 64 bytes is full: dropping the oldest log lines$", notes[0]);
            Match summary = Regex.Match(notes[^1], $"^{Time} non-blocking mode dropped (\\d+) log lines \\((\\d+) bytes\\) in total$");
            Assert.True(summary.Success, notes[^1]);
            dropped = int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(50_000, written + dropped);
    }

    [Fact]
    public async Task Run_WithoutShimEnvironment_UsageError()
    {
        (int code, string stdout, string stderr) = await NativeBinary.RunAsync(["log-driver", "mode", "blocking"]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("log-driver: CONTAINER_ID and CONTAINER_NAMESPACE must be set (containerd's shim sets them)\n", stderr);
    }

    [Fact]
    public async Task Help_PrintsKeysAndExits0()
    {
        (int code, string stdout, _) = await NativeBinary.RunAsync(["log-driver", "--help"]);

        Assert.Equal(0, code);
        Assert.StartsWith("Usage: container-factory log-driver KEY VALUE...\n", stdout, StringComparison.Ordinal);
        Assert.Contains("max-buffer-size SIZE", stdout, StringComparison.Ordinal);
    }

    private static int[] Range(int first, int last) => [.. Enumerable.Range(first, last - first + 1)];

    private static int[] Numbers(string file) =>
        [.. File.ReadAllLines(file).Select(l =>
        {
            using var doc = System.Text.Json.JsonDocument.Parse(l);
            string log = doc.RootElement.GetProperty("log").GetString()!;
            return int.Parse(NumberedLine().Match(log.TrimEnd('\n')).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        })];
}
