using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using ContainerFactory.IntegrationTests.Network;
using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Containers;

/// <summary>
/// The published binary (CF_BINARY) against the test stack, with a configuration file of its own: containerd namespace
/// <c>cftest-&lt;8 hex&gt;</c>, bridge <c>cft&lt;4 hex&gt;</c> on 10.214.&lt;n&gt;.0/24 (never kanto-cm0), state and run folders
/// under a fresh temporary folder. Disposal removes every container (stop with force, then rm --force), the images,
/// leases and namespace, the bridge, the namespace's cgroups, the shared portmap chains when they were not there before,
/// and restores <c>net.ipv4.ip_forward</c>. A missing test stack or binary fails every test.
/// </summary>
public sealed class CliTestBed : IAsyncLifetime
{
    private readonly CniHostState _hostBefore;

    public CliTestBed()
    {
        Assert.True(Environment.UserName == "root", "the container CLI tests need root (containerd, CNI, cgroups)");
        Binary = NativeBinary.Path;
        Env = TestEnvironment.Current;
        Namespace = new ContainerdNamespace();
        string hex = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));
        BridgeName = $"cft{hex}";
        SubnetPrefix = $"10.214.{RandomNumberGenerator.GetInt32(1, 255)}";
        Root = Directory.CreateTempSubdirectory("cf-cli-").FullName;
        StateDir = Path.Combine(Root, "state");
        RunDir = Path.Combine(Root, "run");
        ConfigFile = Path.Combine(Root, "config.json");
        File.WriteAllText(ConfigFile, $$"""
            {
              "containerd": { "socket": {{Quote(Env.ContainerdSocket)}}, "namespace": {{Quote(Namespace.Name)}}, "snapshotter": {{Quote(Env.Snapshotter)}} },
              "network": { "bridge": {{Quote(BridgeName)}}, "subnet": {{Quote(SubnetPrefix + ".0/24")}}, "cniBinDir": {{Quote(Env["CF_CNI_BIN_DIR"])}} },
              "paths": { "state": {{Quote(StateDir)}}, "run": {{Quote(RunDir)}} },
              "log": { "level": "warn" }
            }
            """);
        _hostBefore = CniHostState.Capture();
    }

    public string Binary { get; }

    internal TestEnvironment Env { get; }

    public ContainerdNamespace Namespace { get; }

    public string BridgeName { get; }

    /// <summary>The first three octets of the test subnet, e.g. <c>10.214.37</c>; the bridge holds <c>.1</c>.</summary>
    public string SubnetPrefix { get; }

    public string BridgeAddress => SubnetPrefix + ".1";

    public string Root { get; }

    public string StateDir { get; }

    public string RunDir { get; }

    public string ConfigFile { get; }

    /// <summary>The folder of one container's files and (default log root) json.log.</summary>
    public string FilesOf(string id) => Path.Combine(StateDir, "containers", id);

    /// <summary>Runs <c>container-factory ARGS --config FILE</c>; the process is killed when it outlives <paramref name="timeout"/> (default 30 s).</summary>
    public async Task<CliResult> RunAsync(string[] args, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])[.. args, "--config", ConfigFile])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"container-factory {string.Join(' ', args)} did not finish within {timeout ?? TimeSpan.FromSeconds(30)}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, null);

    /// <summary>Runs the command and fails the test unless it exits 0; returns standard output.</summary>
    public async Task<string> CheckedAsync(params string[] args)
    {
        CliResult result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"container-factory {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
    }

    /// <summary><c>create</c> with <paramref name="config"/> (a createWithConfig config object) written to a file; returns the id.</summary>
    public async Task<string> CreateAsync(string image, string? config = null, bool start = true, string? name = null)
    {
        List<string> args = ["create", image];
        if (start)
        {
            args.Add("--start");
        }

        if (name is not null)
        {
            args.AddRange(["--name", name]);
        }

        if (config is not null)
        {
            string file = Path.Combine(Root, $"config-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(file, config);
            args.AddRange(["--container-config", file]);
        }

        string stdout = await CheckedAsync([.. args]);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n$", stdout);
        return stdout.TrimEnd('\n');
    }

    /// <summary>The <c>status.state.status</c> that <c>inspect</c> prints, e.g. <c>RUNNING</c>.</summary>
    public async Task<string> StatusAsync(string id)
    {
        using JsonDocument status = JsonDocument.Parse(await CheckedAsync("inspect", id));
        return status.RootElement.GetProperty("state").GetProperty("status").GetString()!;
    }

    /// <summary>Polls <c>inspect</c> until the status is <paramref name="expected"/>; fails after <paramref name="seconds"/> (≤ 30).</summary>
    public async Task WaitForStatusAsync(string id, string expected, int seconds = 30)
    {
        string last = "";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(Math.Min(seconds, 30)))
        {
            last = await StatusAsync(id);
            if (last == expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"container {id} is {last}, not {expected}, after {seconds} s");
    }

    /// <summary>
    /// Polls <c>logs --tail 1</c> until it prints <paramref name="lastLine"/> (≤ 30 s): the log driver may still be
    /// copying when the task's exit is reported.
    /// </summary>
    public async Task WaitForLogsAsync(string id, string lastLine)
    {
        string last = "";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            last = await CheckedAsync("logs", "--tail", "1", id);
            if (last == lastLine)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the last log line of {id} is '{last}', not '{lastLine}', after 30 s");
    }

    /// <summary>Runs a short-lived busybox container with <paramref name="config"/>, waits for its exit and returns its (settled) logs.</summary>
    public async Task<string> RunToExitAsync(string config)
    {
        string id = await CreateAsync(Env["CF_IMAGE_BUSYBOX"], config);
        try
        {
            await WaitForStatusAsync(id, "EXITED");

            // The log driver may still be copying when the exit is reported: wait until two reads agree.
            string previous = await CheckedAsync("logs", id);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
                string current = await CheckedAsync("logs", id);
                if (current == previous && current.Length > 0)
                {
                    return current;
                }

                previous = current;
            }

            return previous;
        }
        finally
        {
            await CheckedAsync("rm", id);
        }
    }

    /// <summary>Stops (SIGKILL after 1 s) and removes a container, whatever its state.</summary>
    public async Task RemoveAsync(string id)
    {
        _ = await RunAsync("stop", "--timeout", "1", "--force", id);
        _ = await RunAsync(["rm", "--force", id], TimeSpan.FromSeconds(60));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        CliResult listed = await RunAsync("ls", "--quiet");
        foreach (string id in listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await RemoveAsync(id);
        }

        await Namespace.DisposeAsync();
        if (HostTool.LinkExists(BridgeName))
        {
            _ = HostTool.Run("ip", "link", "delete", BridgeName, "type", "bridge");
        }

        foreach (string cgroup in Directory.GetDirectories("/sys/fs/cgroup").Select(c => Path.Combine(c, Namespace.Name)).Where(Directory.Exists))
        {
            Directory.Delete(cgroup);
        }

        _hostBefore.Restore();

        foreach (string netns in Directory.Exists(Path.Combine(RunDir, "netns")) ? Directory.GetFiles(Path.Combine(RunDir, "netns")) : [])
        {
            _ = HostTool.Run("umount", "-l", netns);
        }

        Directory.Delete(Root, recursive: true);
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value, CliJson.Default.String);
}

/// <summary>Source-generated JSON of the container CLI tests (configuration file strings, compact elements).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(JsonElement))]
internal sealed partial class CliJson : System.Text.Json.Serialization.JsonSerializerContext;
