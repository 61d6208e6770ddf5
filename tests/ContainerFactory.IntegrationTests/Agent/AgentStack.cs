using System.Security.Cryptography;
using ContainerFactory.IntegrationTests.Network;
using ContainerFactory.IntegrationTests.Support;
using ContainerFactory.Runtime.Network;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// One test class's world around the published agent: its own mosquitto (the thing <c>edge:device</c> and the agent's
/// client id clash with nobody), a containerd namespace <c>cfe2e-&lt;8 hex&gt;</c>, a test bridge <c>cfe&lt;4 hex&gt;</c> with a
/// subnet 10.215.n.0/24 (kanto-cm0 is untouched), state and run folders under a temporary folder, the cloud client,
/// and the agent serving <c>edge:device</c> (tenant <c>t1</c>) once its ready line is printed. Disposal stops every
/// agent (SIGTERM), removes what is left in the namespace (tasks, containers, their CNI attachments, images, leases)
/// and the namespace, the bridge, the broker and the folder.
/// </summary>
public class AgentStack : IAsyncLifetime
{
    public const string Thing = "edge:device";
    public const string Tenant = "t1";
    public const string TwinTopic = $"e/{Tenant}/{Thing}";

    private static int s_subnet = RandomNumberGenerator.GetInt32(0, 250);
    private readonly List<AgentProcess> _agents = [];
    private int _configs;

    public AgentStack()
    {
        Namespace = $"cfe2e-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        Bridge = $"cfe{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
        Subnet = $"10.215.{(Interlocked.Increment(ref s_subnet) % 250) + 1}.0/24";
    }

    /// <summary>The temporary folder of the class (created once the environment is known to be there).</summary>
    public string Root { get; private set; } = "";

    public string Namespace { get; }

    public string Bridge { get; }

    public string Subnet { get; }

    public string StateDir => Path.Combine(Root, "state");

    public string RunDir => Path.Combine(Root, "run");

    internal MosquittoBroker Broker { get; private set; } = null!;

    internal CloudClient Cloud { get; private set; } = null!;

    /// <summary>The agent started by <see cref="InitializeAsync"/> (or the last <see cref="RestartAgentAsync"/>).</summary>
    internal AgentProcess Agent { get; private set; } = null!;

    /// <summary>Whether <see cref="InitializeAsync"/> starts the agent with the configured identity.</summary>
    protected virtual bool StartsAgent => true;

    /// <summary>The configuration of the stack's agent: thing <c>edge:device</c>, tenant <c>t1</c>.</summary>
    internal AgentConfig Config() => new()
    {
        Broker = Broker.Url,
        ThingId = Thing,
        TenantId = Tenant,
        ContainerdSocket = TestEnvironment.Current.ContainerdSocket,
        Namespace = Namespace,
        DockerMirror = $"http://{TestEnvironment.Current.Registry}",
        Bridge = Bridge,
        Subnet = Subnet,
        StateDir = StateDir,
        RunDir = RunDir,
    };

    public async Task InitializeAsync()
    {
        _ = NativeBinary.Path; // fails (never skips) without CF_BINARY
        _ = TestEnvironment.Current.ContainerdSocket; // fails without build/env
        Root = Directory.CreateTempSubdirectory("cf-e2e-").FullName;
        Broker = await MosquittoBroker.StartAsync(Path.Combine(Root, "mosquitto"));
        Cloud = await CloudClient.ConnectAsync(Broker.Port, $"cloud-{Namespace}");
        if (StartsAgent)
        {
            Agent = await StartSyncedAgentAsync();
        }
    }

    /// <summary>
    /// Starts the stack's agent and waits for its ready line and then for the ContainerFactory feature of its twin
    /// sync: the agent lists its containers before that feature goes out, so a command sent after it is not part of
    /// the sync (which would publish that container's feature once more).
    /// </summary>
    private async Task<AgentProcess> StartSyncedAgentAsync()
    {
        static bool IsFactory(MqttMessage m) => m.Topic == TwinTopic && m.DittoPath == "/features/ContainerFactory";
        int before = Cloud.On(TwinTopic).Count(IsFactory);
        AgentProcess agent = await StartAgentAsync(Config());
        await Cloud.WaitForAsync(IsFactory, before + 1, TimeSpan.FromSeconds(30), "the ContainerFactory feature of the twin sync");
        return agent;
    }

    /// <summary>Starts another agent process with <paramref name="config"/>; waits for its ready line unless told not to.</summary>
    internal async Task<AgentProcess> StartAgentAsync(AgentConfig config, bool waitReady = true)
    {
        string file = config.WriteTo(Path.Combine(Root, $"agent-{Interlocked.Increment(ref _configs)}.json"));
        AgentProcess agent = AgentProcess.Start(file);
        lock (_agents)
        {
            _agents.Add(agent);
        }

        if (waitReady)
        {
            await agent.WaitReadyAsync();
        }

        return agent;
    }

    /// <summary>Starts the stack's agent again (after it was stopped) and waits for its ready line and twin sync.</summary>
    internal async Task RestartAgentAsync() => Agent = await StartSyncedAgentAsync();

    public static string NewId() => Guid.NewGuid().ToString();

    public static string NewRequestId() => $"r{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>Publishes a command in the Kanto form (<c>command//edge:device/req/&lt;rid&gt;/&lt;cmd&gt;</c>) and waits (≤ 30 s) for its reply.</summary>
    internal async Task<MqttMessage> SendAsync(string command, byte[] envelope, TimeSpan? timeout = null)
    {
        string requestId = NewRequestId();
        await Cloud.PublishAsync($"command//{Thing}/req/{requestId}/{command}", envelope);
        return await ReplyAsync(requestId, timeout);
    }

    /// <summary>The (first) reply to request <paramref name="requestId"/>.</summary>
    internal Task<MqttMessage> ReplyAsync(string requestId, TimeSpan? timeout = null) => Cloud.WaitForFirstAsync(
        m => m.Topic.StartsWith($"command//{Thing}/res/{requestId}/", StringComparison.Ordinal),
        timeout ?? TimeSpan.FromSeconds(30),
        $"reply to request {requestId}");

    /// <summary>createWithConfig through the agent; asserts 200 and returns the container id.</summary>
    internal async Task<string> CreateAsync(string imageRef, bool start, string config = "{}")
    {
        MqttMessage reply = await SendAsync("createWithConfig", DittoCommand.Factory("createWithConfig", NewId(), DittoCommand.CreateValue(imageRef, start, config)));
        Assert.True(reply.Status == 200, reply.ToString());
        return reply.Value.GetString()!;
    }

    /// <summary>Kills (SIGKILL, when running) and removes a container through the agent; asserts the remove's 204.</summary>
    internal async Task RemoveAsync(string containerId)
    {
        _ = await SendAsync("stopWithOptions", DittoCommand.Container(containerId, "stopWithOptions", NewId(), """{"signal":"SIGKILL"}"""));
        MqttMessage removed = await SendAsync("remove", DittoCommand.Container(containerId, "remove", NewId(), "true"));
        Assert.True(removed.Status == 204, removed.ToString());
    }

    /// <summary>Twin messages about <c>Container:&lt;id&gt;</c> on <c>e/t1/edge:device</c>, in arrival order.</summary>
    internal IReadOnlyList<MqttMessage> TwinOf(string containerId) =>
        [.. Cloud.On(TwinTopic).Where(m => m.DittoPath.StartsWith($"/features/Container:{containerId}", StringComparison.Ordinal))];

    /// <summary>Waits (≤ 30 s) for a twin message showing <c>Container:&lt;id&gt;</c> in state <paramref name="status"/>.</summary>
    internal Task<MqttMessage> WaitForStateAsync(string containerId, string status) => Cloud.WaitForFirstAsync(
        m => m.Topic == TwinTopic && m.DittoPath.StartsWith($"/features/Container:{containerId}", StringComparison.Ordinal) && m.StateStatus == status,
        TimeSpan.FromSeconds(30),
        $"twin state {status} of {containerId}");

    /// <summary>The json-file log of a container (default log root <c>&lt;state&gt;/containers/&lt;id&gt;</c>).</summary>
    public string JsonLogOf(string containerId) => Path.Combine(StateDir, "containers", containerId, "json.log");

    /// <summary>Waits (≤ 30 s, re-reading every 100 ms) until <paramref name="file"/> contains <paramref name="text"/>; returns the file.</summary>
    public static async Task<string> WaitForFileTextAsync(string file, string text)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            string content = File.Exists(file) ? await File.ReadAllTextAsync(file) : "";
            if (content.Contains(text, StringComparison.Ordinal))
            {
                return content;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{file} did not contain '{text}' within 30 s: '{content}'");
            await Task.Delay(100);
        }
    }

    /// <summary>The ids of the containers in the namespace, as <c>ctr containers ls -q</c> lists them.</summary>
    public async Task<IReadOnlyList<string>> ContainersAsync() =>
        [.. (await Ctr.CheckedAsync(Namespace, "containers", "ls", "-q")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public async Task DisposeAsync()
    {
        var problems = new List<string>();
        AgentProcess[] agents;
        lock (_agents)
        {
            agents = [.. _agents];
        }

        foreach (AgentProcess agent in agents)
        {
            await agent.DisposeAsync();
        }

        if (Root.Length == 0)
        {
            return; // InitializeAsync failed before anything was started
        }

        if (Cloud is not null)
        {
            await Cloud.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        await RemoveNamespaceAsync(problems);
        if (HostTool.LinkExists(Bridge))
        {
            var (code, _, stderr) = HostTool.Run("ip", "link", "delete", Bridge, "type", "bridge");
            Check(problems, code == 0, $"ip link delete {Bridge}: {stderr}");
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException e)
        {
            problems.Add($"{Root}: {e.Message}");
        }

        Assert.True(problems.Count == 0, $"cleanup of {Namespace}: {string.Join("; ", problems)}");
    }

    /// <summary>Whatever the tests left: tasks killed, CNI attachments removed (as the agent would), containers, images, leases, the namespace.</summary>
    private async Task RemoveNamespaceAsync(List<string> problems)
    {
        foreach (string id in await ContainersAsync())
        {
            _ = await Ctr.RunAsync(Namespace, "tasks", "kill", "-s", "SIGKILL", id);
            _ = await Ctr.RunAsync(Namespace, "tasks", "delete", "-f", id);
        }

        var networking = new ContainerNetworking(
            new NetworkOptions { BridgeName = Bridge, Subnet = Subnet, StateDir = StateDir, RunDir = RunDir },
            new ProcessCniPluginRunner(),
            NullLogger.Instance);
        string netns = Path.Combine(RunDir, "netns");
        foreach (string file in Directory.Exists(netns) ? Directory.GetFiles(netns) : [])
        {
            var disconnected = await networking.DisconnectAsync(Path.GetFileName(file), CancellationToken.None);
            Check(problems, disconnected.IsSuccess, $"CNI DEL {Path.GetFileName(file)}: {disconnected.Error?.Message}");
        }

        foreach (string id in await ContainersAsync())
        {
            var (code, _, stderr) = await Ctr.RunAsync(Namespace, "containers", "rm", id);
            Check(problems, code == 0, $"ctr containers rm {id}: {stderr}");
        }

        string images = (await Ctr.RunAsync(Namespace, "images", "ls", "-q")).Stdout;
        foreach (string image in images.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            _ = await Ctr.RunAsync(Namespace, "images", "rm", "--sync", image);
        }

        string leases = (await Ctr.RunAsync(Namespace, "leases", "ls", "-q")).Stdout;
        foreach (string lease in leases.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            _ = await Ctr.RunAsync(Namespace, "leases", "rm", "--sync", lease);
        }

        var removed = await Ctr.RunAsync(Namespace, "namespaces", "rm", Namespace);
        Check(problems, removed.ExitCode == 0, $"ctr namespaces rm {Namespace}: {removed.Stderr.Trim()}");
        string subnetPrefix = Subnet[..^4]; // "10.215.n."
        Check(problems, !HostTool.NatRules().Contains(subnetPrefix, StringComparison.Ordinal), $"NAT rules for {Subnet} left behind");
    }

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }
}
