using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Runtime.Tests.Logs;

public sealed class LogDriverDiagnosticsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TryAppend_ExistingFolder_OneTimestampedLinePerMessage()
    {
        Assert.True(LogDriverDiagnostics.TryAppend(_temp.Path, "first", FixedTime.Instant.UtcDateTime));
        Assert.True(LogDriverDiagnostics.TryAppend(_temp.Path, "two\nlines", FixedTime.Instant.UtcDateTime));

        Assert.Equal(
            $"{FixedTime.Text} first\n{FixedTime.Text} two lines\n",
            File.ReadAllText(Path.Combine(_temp.Path, "driver.log")));
    }

    [Fact]
    public void TryAppend_MissingFolder_FalseAndNothingCreated()
    {
        string folder = Path.Combine(_temp.Path, "missing");

        Assert.False(LogDriverDiagnostics.TryAppend(folder, "lost", FixedTime.Instant.UtcDateTime));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void TryAppend_FileAtLimit_False()
    {
        string path = Path.Combine(_temp.Path, "driver.log");
        File.WriteAllBytes(path, new byte[LogDriverDiagnostics.MaxFileSize]);

        Assert.False(LogDriverDiagnostics.TryAppend(_temp.Path, "more", FixedTime.Instant.UtcDateTime));
        Assert.Equal(LogDriverDiagnostics.MaxFileSize, new FileInfo(path).Length);
    }

    [Fact]
    public async Task LogCopier_WriteFails_ReportedInDriverLog()
    {
        // A json-file folder whose json.log is replaced by a directory: the rotation's rename fails.
        var options = LogDriverOptions.Default with { RootDir = _temp.Path, MaxSize = 1, MaxFiles = 2 };
        Directory.CreateDirectory(Path.Combine(_temp.Path, "c1", "json.log.1"));
        using var stdout = new MemoryStream("a\nb\n"u8.ToArray());

        using (LogCopier copier = LogCopier.Start(options, "c1", stdout, new MemoryStream(), new FixedTime()).Value)
        {
            await copier.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        }

        string[] notes = File.ReadAllLines(Path.Combine(_temp.Path, "c1", "driver.log"));
        Assert.Single(notes);
        Assert.StartsWith($"{FixedTime.Text} cannot rotate {_temp.Path}/c1/json.log: ", notes[0], StringComparison.Ordinal);
        Assert.Equal(
            FixedTime.Line("stdout", "a\\n") + FixedTime.Line("stdout", "b\\n"),
            File.ReadAllText(Path.Combine(_temp.Path, "c1", "json.log")));
    }
}
