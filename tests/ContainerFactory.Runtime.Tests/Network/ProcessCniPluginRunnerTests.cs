using System.Diagnostics;
using System.Text;
using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

/// <summary>The real process runner against small shell scripts standing in for plugins.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProcessCniPluginRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cf-cni-runner-").FullName;
    private readonly ProcessCniPluginRunner _runner = new();

    [Fact]
    public async Task RunAsync_Plugin_GetsStdinAndOnlyTheGivenCniVariables()
    {
        string plugin = Script("echo-env", "env | grep '^CNI_' | sort; cat");
        Environment.SetEnvironmentVariable("CNI_STALE", "from-the-agent");
        try
        {
            CniExecOutcome outcome = await _runner.RunAsync(Request(plugin, "{\"x\":1}", TimeSpan.FromSeconds(10)), CancellationToken.None);

            Assert.Equal((0, "", false, null), (outcome.ExitCode, outcome.Stderr, outcome.TimedOut, outcome.StartError));
            Assert.Equal("CNI_COMMAND=ADD\nCNI_IFNAME=eth0\n{\"x\":1}", Encoding.UTF8.GetString(outcome.Stdout));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CNI_STALE", null);
        }
    }

    [Fact]
    public async Task RunAsync_PluginFails_ReturnsExitCodeStdoutAndStderr()
    {
        string plugin = Script("fail", "echo '{\"code\":7,\"msg\":\"bad env\"}'; echo 'log line' >&2; exit 1");

        CniExecOutcome outcome = await _runner.RunAsync(Request(plugin, "", TimeSpan.FromSeconds(10)), CancellationToken.None);

        Assert.Equal((1, "{\"code\":7,\"msg\":\"bad env\"}\n", "log line\n"), (outcome.ExitCode, Encoding.UTF8.GetString(outcome.Stdout), outcome.Stderr));
    }

    [Fact]
    public async Task RunAsync_PluginHangs_IsKilledAtTheDeadline()
    {
        string plugin = Script("hang", "exec sleep 30");
        long started = Stopwatch.GetTimestamp();

        CniExecOutcome outcome = await _runner.RunAsync(Request(plugin, "", TimeSpan.FromMilliseconds(300)), CancellationToken.None);

        Assert.Equal((-1, true), (outcome.ExitCode, outcome.TimedOut));
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_MissingBinary_ReportsAStartError()
    {
        CniExecOutcome outcome = await _runner.RunAsync(Request(Path.Combine(_directory, "nope"), "", TimeSpan.FromSeconds(1)), CancellationToken.None);

        Assert.Equal(-1, outcome.ExitCode);
        Assert.False(string.IsNullOrEmpty(outcome.StartError));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CniExecRequest Request(string plugin, string stdin, TimeSpan timeout) => new(
        plugin,
        new Dictionary<string, string> { ["CNI_COMMAND"] = "ADD", ["CNI_IFNAME"] = "eth0" },
        Encoding.UTF8.GetBytes(stdin),
        timeout);

    private string Script(string name, string body)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
