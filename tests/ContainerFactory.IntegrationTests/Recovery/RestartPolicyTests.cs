using System.Text.Json;
using ContainerFactory.IntegrationTests.Agent;
using ContainerFactory.IntegrationTests.Support;
using static ContainerFactory.IntegrationTests.Recovery.RecoveryConfigs;

namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>
/// Restart policies (PRODUCT.md §3, kanto-protocol §7.5) and a live memory update (§4.3) through the published agent:
/// exits come from containerd's task-exit events, restarts and their backoff are seen in the twin and in containerd.
/// </summary>
public sealed class RestartPolicyTests(RecoveryStack stack) : IClassFixture<RecoveryStack>
{
    private const string RestartCountLabel = "container-factory/restart-count";
    private const string ManuallyStoppedLabel = "container-factory/manually-stopped";

    private CtrClient Ctr => new(TestEnvironment.Current.ContainerdSocket, stack.Namespace);

    [Fact]
    public async Task OnFailure_MaxRetryCountThreeAndEveryRunFails_RestartsExactlyThreeTimesThenStaysExited()
    {
        string id = await stack.CreateAsync(Busybox, start: true, With("""{"type":"on-failure","maxRetryCount":3}""", FailsAtOnce));

        IReadOnlyList<JsonElement> exits = await TwinStates.WaitAsync(stack, id, "EXITED", 4);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a fourth restart would come 800 ms after the fourth exit

        Assert.Equal([3, 3, 3, 3], exits.Select(TwinStates.ExitCode));
        Assert.Equal(4, TwinStates.Of(stack, id, "RUNNING").Count); // the first start and three restarts
        Assert.Equal(4, TwinStates.Of(stack, id, "EXITED").Count);
        Assert.Equal("3", await Ctr.LabelAsync(id, RestartCountLabel));
        Assert.False((await Ctr.TasksAsync()).ContainsKey(id));
        await stack.RemoveAsync(id);
    }

    [Theory]
    [InlineData("always")]
    [InlineData("unless-stopped")]
    public async Task Policy_CrashThenManualStop_RestartedAfterTheCrashButNotAfterTheStop(string policy)
    {
        string id = await stack.CreateAsync(Busybox, start: true, With(Policy(policy), UntilStopped));
        long firstPid = (await TwinStates.WaitAsync(stack, id, "RUNNING", 1))[0].GetProperty("pid").GetInt64();

        await Ctr.CheckedAsync("tasks", "kill", "--signal", "SIGKILL", id); // a crash, as far as the agent can tell
        JsonElement crashed = (await TwinStates.WaitAsync(stack, id, "EXITED", 1))[0];
        long secondPid = (await TwinStates.WaitAsync(stack, id, "RUNNING", 2))[1].GetProperty("pid").GetInt64();

        Assert.Equal(137, TwinStates.ExitCode(crashed));
        Assert.NotEqual(firstPid, secondPid);
        Assert.Equal(new TaskRow(secondPid, "RUNNING"), (await Ctr.TasksAsync())[id]);

        MqttMessage stopped = await stack.SendAsync("stop", DittoCommand.Container(id, "stop", AgentStack.NewId()));
        Assert.True(stopped.Status == 204, stopped.ToString());
        await TwinStates.WaitAsync(stack, id, "STOPPED", 1);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a restart would come 100 ms after the stop

        Assert.Equal(2, TwinStates.Of(stack, id, "RUNNING").Count);
        Assert.Single(TwinStates.Of(stack, id, "EXITED"));
        Assert.False((await Ctr.TasksAsync()).ContainsKey(id));
        Assert.Equal("true", await Ctr.LabelAsync(id, ManuallyStoppedLabel));
        Assert.Equal("1", await Ctr.LabelAsync(id, RestartCountLabel));
        await stack.RemoveAsync(id);
    }

    [Fact]
    public async Task Always_RestartFailsWhileTheMountSourceIsMissing_RetriedWithBackoffUntilItStarts()
    {
        string source = Path.Combine(stack.Root, $"mount-{AgentStack.NewId()}");
        Directory.CreateDirectory(source);
        string config = $$"""{"restartPolicy":{"type":"always"},"cmd":["sh","-c","sleep 1; exit 3"],"mountPoints":[{"source":"{{source}}","destination":"/data","propagationMode":"rprivate"}]}""";
        string id = await stack.CreateAsync(Busybox, start: true, config);
        await TwinStates.WaitAsync(stack, id, "RUNNING", 1);

        Directory.Delete(source); // the run ends a second later; restarting it fails (runc cannot bind the source)
        await TwinStates.WaitAsync(stack, id, "EXITED", 1);
        await WaitForRestartCountAsync(id, atLeast: 2); // one failed attempt was all there was before the retries
        Assert.Single(TwinStates.Of(stack, id, "RUNNING"));
        Directory.CreateDirectory(source);

        await TwinStates.WaitAsync(stack, id, "RUNNING", 2, seconds: 30); // the backoff may have reached a few seconds
        await stack.RemoveAsync(id);
        Directory.Delete(source);
    }

    [Fact]
    public async Task Update_ExitedContainerGetsOnFailurePolicy_StartedAtOnceThenRestartedUpToTheCount()
    {
        string id = await stack.CreateAsync(Busybox, start: true, With(Policy("no"), FailsAtOnce));
        await TwinStates.WaitAsync(stack, id, "EXITED", 1);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(TwinStates.Of(stack, id, "RUNNING"));

        MqttMessage updated = await stack.SendAsync("update",
            DittoCommand.Container(id, "update", AgentStack.NewId(), """{"restartPolicy":{"type":"on-failure","maxRetryCount":2}}"""));

        Assert.True(updated.Status == 204, updated.ToString());
        await TwinStates.WaitAsync(stack, id, "EXITED", 3);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a third restart would come 400 ms after the third exit
        Assert.Equal(3, TwinStates.Of(stack, id, "RUNNING").Count); // the first run, the start by the update, one restart
        Assert.Equal("2", await Ctr.LabelAsync(id, RestartCountLabel));
        await stack.RemoveAsync(id);
    }

    [Fact]
    public async Task Update_StoppedByHandGetsAlwaysPolicy_StaysStopped()
    {
        string id = await stack.CreateAsync(Busybox, start: true, With(Policy("no"), UntilStopped));
        await TwinStates.WaitAsync(stack, id, "RUNNING", 1);
        MqttMessage stopped = await stack.SendAsync("stop", DittoCommand.Container(id, "stop", AgentStack.NewId()));
        Assert.True(stopped.Status == 204, stopped.ToString());
        await TwinStates.WaitAsync(stack, id, "STOPPED", 1);

        MqttMessage updated = await stack.SendAsync("update",
            DittoCommand.Container(id, "update", AgentStack.NewId(), """{"restartPolicy":{"type":"always"}}"""));

        Assert.True(updated.Status == 204, updated.ToString());
        await Task.Delay(TimeSpan.FromSeconds(2)); // a start would come at once
        Assert.Single(TwinStates.Of(stack, id, "RUNNING"));
        Assert.False((await Ctr.TasksAsync()).ContainsKey(id));
        await stack.RemoveAsync(id);
    }

    [Fact]
    public async Task OnFailure_EveryRunFails_WaitBeforeEachRestartDoublesFrom100ms()
    {
        string id = await stack.CreateAsync(Busybox, start: true, With("""{"type":"on-failure","maxRetryCount":5}""", FailsAtOnce));

        IReadOnlyList<JsonElement> exits = await TwinStates.WaitAsync(stack, id, "EXITED", 6);
        IReadOnlyList<JsonElement> runs = TwinStates.Of(stack, id, "RUNNING");

        Assert.Equal(6, runs.Count);
        double[] waits = [.. Enumerable.Range(0, 5).Select(k => (TwinStates.Time(runs[k + 1], "startedAt") - TwinStates.Time(exits[k], "finishedAt")).TotalMilliseconds)];
        string seen = string.Join(", ", waits.Select(w => $"{w:0} ms"));
        for (int k = 0; k < 5; k++)
        {
            Assert.True(waits[k] >= (100 << k) - RecoveryConfigs.TimerSlackMs, $"wait before restart {k + 1} is below {100 << k} ms: {seen}");
        }

        // Doubling, not more: each wait ends before the next backoff would (plus the agent's own work under load: the
        // exit and restart-count label writes and the twin report, seen at 600 ms on a busy CI machine). Waits that
        // grew threefold (8.1 s before the fifth restart) fail the fifth bound, 4.7 s.
        for (int k = 0; k < 5; k++)
        {
            Assert.True(waits[k] < (200 << k) + RecoveryConfigs.LoadSlackMs, $"wait before restart {k + 1} is not below {200 << k} + {RecoveryConfigs.LoadSlackMs} ms: {seen}");
        }

        await stack.RemoveAsync(id);
    }

    [Fact]
    public async Task Update_MemoryOfARunningContainer_ChangesItsCgroupLimitNowAndForTheNextStart()
    {
        string id = await stack.CreateAsync(Busybox, start: true, $$"""{"resources":{"memory":"100M"},"cmd":{{UntilStopped}}}""");
        await TwinStates.WaitAsync(stack, id, "RUNNING", 1);
        Assert.Equal("104857600", CgroupMemory.Read(stack.Namespace, id, "memory.limit_in_bytes"));
        Assert.Equal("209715200", CgroupMemory.Read(stack.Namespace, id, "memory.memsw.limit_in_bytes")); // swap 2 × memory on create

        MqttMessage updated = await stack.SendAsync("update", DittoCommand.Container(id, "update", AgentStack.NewId(), """{"resources":{"memory":"64M"}}"""));

        Assert.True(updated.Status == 204, updated.ToString());
        Assert.Equal("67108864", CgroupMemory.Read(stack.Namespace, id, "memory.limit_in_bytes"));
        Assert.Equal(CgroupMemory.Unlimited, CgroupMemory.Read(stack.Namespace, id, "memory.memsw.limit_in_bytes")); // no swap derived on update
        MqttMessage config = await stack.Cloud.WaitForFirstAsync(
            m => m.Topic == AgentStack.TwinTopic && m.DittoPath == $"/features/Container:{id}/properties/status/config",
            TimeSpan.FromSeconds(10),
            $"status/config of {id}");
        Assert.Equal("""{"memory":"64M"}""", config.Value.GetProperty("resources").GetRawText());
        Assert.Equal("""{"limit":67108864,"swap":-1}""", Compact((await Ctr.SpecAsync(id)).GetProperty("linux").GetProperty("resources").GetProperty("memory")));

        MqttMessage stopped = await stack.SendAsync("stop", DittoCommand.Container(id, "stop", AgentStack.NewId()));
        MqttMessage started = await stack.SendAsync("start", DittoCommand.Container(id, "start", AgentStack.NewId()));

        Assert.True(stopped.Status == 204 && started.Status == 204, $"{stopped}\n{started}");
        await TwinStates.WaitAsync(stack, id, "RUNNING", 2);
        Assert.Equal("67108864", CgroupMemory.Read(stack.Namespace, id, "memory.limit_in_bytes"));
        Assert.Equal(CgroupMemory.Unlimited, CgroupMemory.Read(stack.Namespace, id, "memory.memsw.limit_in_bytes"));
        await stack.RemoveAsync(id);
    }

    private static string Compact(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Polls (≤ 20 s) until the container's restart count label reaches <paramref name="atLeast"/>.</summary>
    private async Task WaitForRestartCountAsync(string id, long atLeast)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            if (long.TryParse(await Ctr.LabelAsync(id, RestartCountLabel), System.Globalization.CultureInfo.InvariantCulture, out long count) && count >= atLeast)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Fail($"restart count of {id} did not reach {atLeast} in 20 s: {await Ctr.LabelAsync(id, RestartCountLabel)}");
    }
}
