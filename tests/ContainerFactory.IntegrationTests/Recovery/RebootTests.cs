using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContainerFactory.IntegrationTests.Agent;
using ContainerFactory.IntegrationTests.Support;
using Xunit.Abstractions;
using static ContainerFactory.IntegrationTests.Recovery.RecoveryConfigs;

namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>
/// A host reboot without network (issue 6 item 2, PRODUCT.md §3): the agent, containerd, every container and shim die
/// at once; containerd comes back with its state folder but no task; the agent starts with no broker to talk to.
/// </summary>
public sealed class RebootTests(RebootStack stack, ITestOutputHelper output) : IClassFixture<RebootStack>
{
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Run_AfterARebootWithoutBroker_StartsAlwaysAndUnlessStoppedContainersAgainButNotNoOrManuallyStoppedOnes()
    {
        AgentProcess before = await stack.StartPrivateAgentAsync();
        int port = FreeLoopbackPort();
        string web = await stack.CreateAsync(Web, start: true, $$"""{"restartPolicy":{"type":"always"},"portMappings":[{"hostPort":{{port}},"containerPort":80}]}""");
        string unlessStopped = await stack.CreateAsync(Busybox, start: true, With(Policy("unless-stopped"), UntilStopped));
        string no = await stack.CreateAsync(Busybox, start: true, With(Policy("no"), UntilStopped));
        string stoppedAlways = await stack.CreateAsync(Busybox, start: true, With(Policy("always"), UntilStopped));
        string stoppedUnlessStopped = await stack.CreateAsync(Busybox, start: true, With(Policy("unless-stopped"), UntilStopped));
        foreach (string id in (string[])[web, unlessStopped, no, stoppedAlways, stoppedUnlessStopped])
        {
            await TwinStates.WaitAsync(stack, id, "RUNNING", 1);
        }

        foreach (string id in (string[])[stoppedAlways, stoppedUnlessStopped])
        {
            MqttMessage stopped = await stack.SendAsync("stop", DittoCommand.Container(id, "stop", AgentStack.NewId()));
            Assert.True(stopped.Status == 204, stopped.ToString());
        }

        Assert.Equal(TestEnvironment.Current["CF_WEB_LINE"], await GetAsync(port));
        Assert.Equal(3, (await stack.Ctr.TasksAsync()).Count);

        await HostProcesses.KillAsync(before);
        await stack.Containerd.PowerCutAsync(stack.Namespace);
        await stack.Containerd.StartAgainAsync();
        Assert.Empty(await stack.Ctr.TasksAsync());

        var clock = Stopwatch.StartNew();
        AgentProcess after = await stack.StartPrivateAgentAsync(broker: $"tcp://127.0.0.1:{FreeLoopbackPort()}", waitReady: false);
        await WaitForRunningAsync([web, unlessStopped]);
        TimeSpan recovered = clock.Elapsed;
        output.WriteLine($"agent start → 2 restartable containers running: {recovered.TotalMilliseconds:0} ms");
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a wrong start to show

        Assert.True(recovered < WithinSeconds, $"recovery took {recovered.TotalSeconds:0.0} s\n{after.Log()}");
        IReadOnlyDictionary<string, TaskRow> tasks = await stack.Ctr.TasksAsync();
        Assert.Equal(new[] { unlessStopped, web }.Order(StringComparer.Ordinal), tasks.Keys.Order(StringComparer.Ordinal));
        Assert.All(tasks.Values, t => Assert.Equal("RUNNING", t.Status));
        Assert.Equal("true", await stack.Ctr.LabelAsync(stoppedAlways, "container-factory/manually-stopped"));
        Assert.Equal("true", await stack.Ctr.LabelAsync(stoppedUnlessStopped, "container-factory/manually-stopped"));
        Assert.Equal(TestEnvironment.Current["CF_WEB_LINE"], await GetAsync(port)); // its port is mapped again
        Assert.False(after.HasExited, after.Log());
        Assert.DoesNotContain(AgentProcess.ReadyMarker, after.Log(), StringComparison.Ordinal); // it never had a broker
    }

    /// <summary>Polls containerd every 100 ms (≤ 30 s) until every one of <paramref name="ids"/> has a running task.</summary>
    private async Task WaitForRunningAsync(IReadOnlyList<string> ids)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            IReadOnlyDictionary<string, TaskRow> tasks = await stack.Ctr.TasksAsync();
            if (ids.All(id => tasks.TryGetValue(id, out TaskRow? task) && task.Status == "RUNNING"))
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"not all of {string.Join(", ", ids)} running within 30 s: {string.Join(", ", tasks)}");
            await Task.Delay(100);
        }
    }

    /// <summary>GET / on 127.0.0.1:<paramref name="port"/>, retried for up to 10 s; the body, trimmed.</summary>
    private static async Task<string> GetAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        DateTimeOffset deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return (await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"))).Trim();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>A loopback port nobody listens on (bound, then released).</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
