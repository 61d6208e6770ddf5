using System.Text.Json;
using ContainerFactory.IntegrationTests.Agent;
using ContainerFactory.IntegrationTests.Support;
using static ContainerFactory.IntegrationTests.Recovery.RecoveryConfigs;

namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>
/// The agent killed (SIGKILL) and started again while containerd keeps running (issue 6 item 2): it rebuilds its view
/// from containerd alone, adopts the running tasks as they are, and carries on with events, logs and restart policies.
/// </summary>
public sealed class AgentRestartTests(RecoveryStack stack) : IClassFixture<RecoveryStack>
{
    private const string Ticker = """["sh","-c","i=0; while true; do echo tick $i; i=$((i+1)); sleep 1; done"]""";

    private CtrClient Ctr => new(TestEnvironment.Current.ContainerdSocket, stack.Namespace);

    [Fact]
    public async Task Run_AgentKilledWhileContainersRun_NewAgentKeepsTheirTasksAndFollowsTheirLogsAndExits()
    {
        string ticker = await stack.CreateAsync(Busybox, start: true, With(Policy("always"), Ticker));
        string quiet = await stack.CreateAsync(Busybox, start: true, With(Policy("no"), UntilStopped));
        await TwinStates.WaitAsync(stack, ticker, "RUNNING", 1);
        await TwinStates.WaitAsync(stack, quiet, "RUNNING", 1);
        await AgentStack.WaitForFileTextAsync(stack.JsonLogOf(ticker), "tick 1\\n");
        IReadOnlyDictionary<string, TaskRow> before = await Ctr.TasksAsync();

        await HostProcesses.KillAsync(stack.Agent);
        int lastTick = LastTick(await File.ReadAllTextAsync(stack.JsonLogOf(ticker)));
        await stack.RestartAgentAsync();
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a wrong restart or a wrong exit to show

        IReadOnlyDictionary<string, TaskRow> after = await Ctr.TasksAsync();
        Assert.Equal(before[ticker], after[ticker]);
        Assert.Equal(before[quiet], after[quiet]);
        Assert.Single(TwinStates.Of(stack, ticker, "RUNNING"));
        Assert.Empty(TwinStates.Of(stack, ticker, "EXITED"));
        Assert.Empty(TwinStates.Of(stack, quiet, "EXITED"));
        Assert.Null(await Ctr.LabelAsync(ticker, "container-factory/restart-count"));
        await AgentStack.WaitForFileTextAsync(stack.JsonLogOf(ticker), $"tick {lastTick + 2}\\n"); // the log driver never stopped

        await Ctr.CheckedAsync("tasks", "kill", "--signal", "SIGKILL", quiet);
        await Ctr.CheckedAsync("tasks", "kill", "--signal", "SIGKILL", ticker);

        Assert.Equal(137, TwinStates.ExitCode((await TwinStates.WaitAsync(stack, quiet, "EXITED", 1))[0]));
        Assert.Equal(137, TwinStates.ExitCode((await TwinStates.WaitAsync(stack, ticker, "EXITED", 1))[0]));
        long restartedPid = (await TwinStates.WaitAsync(stack, ticker, "RUNNING", 2))[1].GetProperty("pid").GetInt64();
        await Task.Delay(TimeSpan.FromSeconds(1));
        IReadOnlyDictionary<string, TaskRow> end = await Ctr.TasksAsync();
        Assert.Equal(new TaskRow(restartedPid, "RUNNING"), end[ticker]);
        Assert.False(end.ContainsKey(quiet), "the container with policy no was started again");
        Assert.False(stack.Agent.HasExited, stack.Agent.Log());
        await stack.RemoveAsync(ticker);
        await stack.RemoveAsync(quiet);
    }

    [Fact]
    public async Task Run_AgentKilledWhileAPeerRuns_NewAgentStillResolvesContainerHostNameOfThePeer()
    {
        string host = $"peer{AgentStack.NewId()[..8]}";
        string peer = await stack.CreateAsync(Busybox, start: true, $$"""{"hostName":"{{host}}","cmd":{{UntilStopped}}}""");
        await TwinStates.WaitAsync(stack, peer, "RUNNING", 1);
        string peerAddress = (await ExecAsync(peer, "cat", "/etc/hosts")).Split('\n')
            .Select(line => line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Single(fields => fields.Skip(1).Contains(host))[0];

        await HostProcesses.KillAsync(stack.Agent);
        await stack.RestartAgentAsync();
        string client = await stack.CreateAsync(Busybox, start: true, $$"""{"extraHosts":["db:container_{{host}}"],"cmd":{{UntilStopped}}}""");
        await TwinStates.WaitAsync(stack, client, "RUNNING", 1);

        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", peerAddress);
        Assert.Contains($"{peerAddress}\tdb", await ExecAsync(client, "cat", "/etc/hosts"), StringComparison.Ordinal);
        await stack.RemoveAsync(client);
        await stack.RemoveAsync(peer);
    }

    [Fact]
    public async Task Run_AgentKilledWhileARestartWaitsOutItsBackoff_NewAgentRestartsTheContainerAndBacksOffAgain()
    {
        string id = await stack.CreateAsync(Busybox, start: true, With(Policy("always"), FailsAtOnce));
        await TwinStates.WaitAsync(stack, id, "EXITED", 6); // the sixth restart is due 3.2 s after the sixth exit

        await HostProcesses.KillAsync(stack.Agent);
        Assert.False((await Ctr.TasksAsync()).ContainsKey(id), "the exited task was not cleaned up before the restart");
        Assert.Equal("5", await Ctr.LabelAsync(id, "container-factory/restart-count"));
        await stack.RestartAgentAsync();

        // Recovery starts it again at once; its crash loop then backs off from 100 ms again.
        IReadOnlyList<JsonElement> runs = await TwinStates.WaitAsync(stack, id, "RUNNING", 6 + 4, seconds: 20);
        IReadOnlyList<JsonElement> exits = TwinStates.Of(stack, id, "EXITED");
        double[] waits = [.. Enumerable.Range(0, 3).Select(k => (TwinStates.Time(runs[7 + k], "startedAt") - TwinStates.Time(exits[6 + k], "finishedAt")).TotalMilliseconds)];
        string seen = string.Join(", ", waits.Select(w => $"{w:0} ms"));
        for (int k = 0; k < 3; k++)
        {
            Assert.True(waits[k] >= (100 << k) - TimerSlackMs, $"wait before restart {k + 2} after recovery is below {100 << k} ms: {seen}\n{stack.Agent.Log()}");
        }

        await stack.RemoveAsync(id);
    }

    private static int LastTick(string log) =>
        log.Split('\n').Select(l => l.IndexOf("\"log\":\"tick ", StringComparison.Ordinal) is int at and >= 0
                ? int.Parse(l[(at + 12)..l.IndexOf('\\', at)], System.Globalization.CultureInfo.InvariantCulture)
                : -1).Max();

    private async Task<string> ExecAsync(string containerId, params string[] command) =>
        await Ctr.CheckedAsync(["tasks", "exec", "--exec-id", $"restart{Random.Shared.Next(100000)}", containerId, .. command]);
}
