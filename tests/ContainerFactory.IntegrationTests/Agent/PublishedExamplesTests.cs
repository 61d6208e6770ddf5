using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ContainerFactory.IntegrationTests.Containers;
using ContainerFactory.IntegrationTests.Network;
using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// The examples of the published API page (tests/testdata/examples), sent to the published agent exactly as the page
/// shows them, on the topics it names (PRODUCT.md §2.2: <c>…/req//&lt;cmd&gt;</c> with response-required true is answered on
/// <c>…/res//&lt;cmd&gt;</c>).
/// </summary>
public sealed class PublishedExamplesTests(AgentStack stack) : IClassFixture<AgentStack>
{
    private const string UuidV4 = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    [Fact]
    public async Task Create_PublishedExampleVerbatim_RepliesOnResCreateWithTheNewIdAndTheContainerRuns()
    {
        await stack.Cloud.PublishAsync("command//edge:device/req//create", TestData.Bytes("examples", "create.request.json"));

        MqttMessage reply = await stack.Cloud.WaitForFirstAsync(
            m => m.Topic == "command//edge:device/res//create", TimeSpan.FromSeconds(30), "reply on command//edge:device/res//create");
        using JsonDocument published = JsonDocument.Parse(TestData.Bytes("examples", "create.response.json"));
        JsonElement expected = published.RootElement;
        Assert.Equal(["topic", "headers", "path", "value", "status"], reply.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(expected.GetProperty("topic").GetString(), reply.DittoTopic);
        Assert.Equal(expected.GetProperty("path").GetString(), reply.DittoPath);
        Assert.Equal([("content-type", "\"application/json\""), ("correlation-id", "\"<UUID>\"")], reply.HeaderList);
        Assert.Equal(200, reply.Status);
        string id = reply.Value.GetString()!;
        Assert.Matches(UuidV4, id);

        MqttMessage running = await stack.WaitForStateAsync(id, "RUNNING");
        Assert.Equal($"/features/Container:{id}/properties/status/state", running.DittoPath);
        Assert.True(running.Value.GetProperty("pid").GetInt64() > 0, running.ToString());
        string log = await AgentStack.WaitForFileTextAsync(stack.JsonLogOf(id), $"\"log\":\"{TestEnvironment.Current.HelloLine}\\n\"");
        Assert.Contains("\"stream\":\"stdout\"", log, StringComparison.Ordinal);
        MqttMessage exited = await stack.WaitForStateAsync(id, "EXITED");
        Assert.False(exited.Value.TryGetProperty("exitCode", out _), exited.ToString()); // 0 is omitted (kanto-protocol §4.1)
        Assert.Contains(id, await stack.ContainersAsync());
        Assert.Single(stack.Cloud.On("command//edge:device/res//create"));

        await stack.RemoveAsync(id);
        Assert.DoesNotContain(id, await stack.ContainersAsync());
    }

    [Fact]
    public async Task CreateWithConfig_PublishedExampleVerbatim_Replies400NamingTheFirstMountPoint()
    {
        IReadOnlyList<string> containersBefore = await stack.ContainersAsync();
        await stack.Cloud.PublishAsync("command//edge:device/req//createWithConfig", TestData.Bytes("examples", "createWithConfig.request.json"));

        MqttMessage reply = await stack.Cloud.WaitForFirstAsync(
            m => m.Topic == "command//edge:device/res//createWithConfig", TimeSpan.FromSeconds(30), "reply on command//edge:device/res//createWithConfig");
        Assert.Equal("edge/device/things/live/messages/createWithConfig", reply.DittoTopic);
        Assert.Equal("/features/ContainerFactory/outbox/messages/createWithConfig", reply.DittoPath);
        Assert.Equal([("content-type", "\"application/json\""), ("correlation-id", "\"<UUID>\"")], reply.HeaderList);
        Assert.Equal(400, reply.Status);
        Assert.Equal("messages:parameter.invalid", reply.Value.GetProperty("error").GetString());
        Assert.Equal(400, reply.Value.GetProperty("status").GetInt32());
        Assert.Equal("source and destination must be set for a mount point (config.mountPoints[0])", reply.Value.GetProperty("message").GetString());
        Assert.Equal(containersBefore, await stack.ContainersAsync()); // nothing was created
    }

    [Fact]
    public async Task CreateWithConfig_PublishedExampleWithRealMountDeviceAndWebImage_RunsAndServesHttpOnTheFirstPortOfTheRange()
    {
        string shared = Directory.CreateDirectory(Path.Combine(stack.Root, "shared")).FullName;
        await File.WriteAllTextAsync(Path.Combine(shared, "marker"), "mounted from the host");
        int hostPort = FreeHostPortRange(5000, 6);
        string correlationId = AgentStack.NewId();
        byte[] request = Filled(
            TestData.Bytes("examples", "createWithConfig.request.json"),
            ("\"docker.io/library/influxdb:1.8.4\"", "\"docker.io/test/web:latest\""),
            ("\"correlation-id\":\"<UUID>\"", $"\"correlation-id\":\"{correlationId}\""),
            ("\"source\": \"\"", $"\"source\": \"{shared}\""),
            ("\"destination\": \"\"", "\"destination\": \"/data\""),
            ("\"pathOnHost\": \"\"", "\"pathOnHost\": \"/dev/null\""),
            ("\"pathInContainer\": \"\"", "\"pathInContainer\": \"/dev/mynull\""),
            ("\"hostPort\": 5000", $"\"hostPort\": {hostPort}"),
            ("\"hostPortEnd\": 5005", $"\"hostPortEnd\": {hostPort + 5}"));

        await stack.Cloud.PublishAsync("command//edge:device/req//createWithConfig", request);

        MqttMessage reply = await stack.Cloud.WaitForFirstAsync(
            m => m.Topic == "command//edge:device/res//createWithConfig" && m.CorrelationId == correlationId,
            TimeSpan.FromSeconds(30),
            "reply on command//edge:device/res//createWithConfig");
        Assert.True(reply.Status == 200, reply.ToString());
        Assert.Equal("/features/ContainerFactory/outbox/messages/createWithConfig", reply.DittoPath);
        string id = reply.Value.GetString()!;
        Assert.Matches(UuidV4, id);
        await stack.WaitForStateAsync(id, "RUNNING");

        // RUNNING is published once the task started; the web server may take a moment more to listen.
        Assert.Equal(TestEnvironment.Current["CF_WEB_LINE"], (await HostPorts.GetAsync(hostPort)).Trim());
        Assert.Equal("mounted from the host", await ExecAsync(id, "cat", "/data/marker"));
        Assert.Equal("character special file 1:3", await ExecAsync(id, "stat", "-c", "%F %t:%T", "/dev/mynull"));
        string gateway = stack.Subnet.Replace(".0/24", ".1", StringComparison.Ordinal);
        Assert.Contains($"{gateway}\tctrhost", await ExecAsync(id, "cat", "/etc/hosts"), StringComparison.Ordinal);

        await stack.RemoveAsync(id);
        Assert.DoesNotContain($"--dport {hostPort} ", HostTool.NatRules(), StringComparison.Ordinal);
    }

    /// <summary>The example's bytes with each (old, new) replaced once; fails when an old text is not there.</summary>
    private static byte[] Filled(byte[] example, params (string Old, string New)[] replacements)
    {
        string text = Encoding.UTF8.GetString(example);
        foreach ((string old, string replacement) in replacements)
        {
            int at = text.IndexOf(old, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{old}' not in the published example");
            text = string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
        }

        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>
    /// <paramref name="preferred"/>..+count-1 (the example's range) when no socket holds one of those ports and no NAT rule
    /// forwards one (other suites may map the example's ports); else a free range of the same size from the ephemeral ports.
    /// </summary>
    private static int FreeHostPortRange(int preferred, int count)
    {
        string nat = HostTool.NatRules();
        bool Free(int first) => Enumerable.Range(first, count).All(port =>
        {
            if (nat.Contains($"--dport {port} ", StringComparison.Ordinal))
            {
                return false;
            }

            try
            {
                using var probe = new TcpListener(IPAddress.Any, port);
                probe.Start();
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        });

        if (Free(preferred))
        {
            return preferred;
        }

        for (int attempt = 0; attempt < 20; attempt++)
        {
            int first = Random.Shared.Next(20000, 30000);
            if (Free(first))
            {
                return first;
            }
        }

        throw new InvalidOperationException("no free range of host ports found");
    }

    /// <summary>Runs a command in the container's task with ctr and returns its trimmed standard output.</summary>
    private async Task<string> ExecAsync(string containerId, params string[] command) =>
        (await Ctr.CheckedAsync(stack.Namespace, ["tasks", "exec", "--exec-id", $"e2e{Random.Shared.Next(100000)}", containerId, .. command])).Trim();
}
