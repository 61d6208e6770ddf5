using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContainerFactory.Agent.Commands;
using ContainerFactory.IntegrationTests.Network;
using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Containers;

/// <summary>
/// The local container commands of the published binary (create, start, stop, rm, ls, inspect, logs) on the test stack,
/// with the binary itself as containerd's log driver. Traffic goes only to 127.0.0.1.
/// </summary>
[Trait("Category", "Containers")]
public sealed partial class ContainerCliTests(CliTestBed bed) : IClassFixture<CliTestBed>
{
    private const string Sleeper = """["sh","-c","trap 'exit 0' TERM; while :; do sleep 1; done"]""";

    [Fact]
    public async Task Create_HelloWorldStarted_ExitsAndItsOutputLandsInJsonLog()
    {
        string id = await bed.CreateAsync(bed.Env["CF_IMAGE_HELLO"], name: "hello");
        try
        {
            await bed.WaitForStatusAsync(id, "EXITED");

            string jsonLog = await File.ReadAllTextAsync(Path.Combine(bed.FilesOf(id), "json.log"));
            Assert.Matches(
                @"^\{""stream"":""stdout"",""log"":""Hello from container-factory!\\n"",""time"":""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z""\}\n$",
                jsonLog);
            Assert.Equal(new CliResult(0, "Hello from container-factory!\n", ""), await bed.RunAsync("logs", id));
            Assert.Equal(new CliResult(0, "Hello from container-factory!\n", ""), await bed.RunAsync("logs", "--tail", "1", "hello"));
            Assert.Equal(new CliResult(0, "", ""), await bed.RunAsync("logs", "--tail", "0", id));
        }
        finally
        {
            Assert.Equal(new CliResult(0, id + "\n", ""), await bed.RunAsync("rm", id));
        }
    }

    [Fact]
    public async Task Logs_NoneLogDriver_Exits1SayingNothingIsKept()
    {
        string id = await bed.CreateAsync(bed.Env["CF_IMAGE_HELLO"], """{"log":{"type":"NONE"}}""", start: false);
        try
        {
            CliResult result = await bed.RunAsync("logs", id);

            Assert.Equal(new CliResult(1, "", $"logs: container {id} uses the none log driver: its output is not kept\n"), result);
        }
        finally
        {
            await bed.CheckedAsync("rm", id);
        }
    }

    [Fact]
    public async Task Ls_ExitedContainer_ShowsAlignedIdNameImageStatusCreated()
    {
        string image = bed.Env["CF_IMAGE_HELLO"];
        string id = await bed.CreateAsync(image, name: "listed");
        try
        {
            await bed.WaitForStatusAsync(id, "EXITED");

            string[] lines = (await bed.CheckedAsync("ls")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            string header = lines[0];
            string row = Assert.Single(lines, l => l.StartsWith(id, StringComparison.Ordinal));
            Assert.Matches("^ID +NAME +IMAGE +STATUS +CREATED$", header);
            Assert.Equal([id, "listed", image, "EXITED (0)"], Columns().Split(row)[..4]);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", Columns().Split(row)[4]);
            Assert.Equal(
                [header.IndexOf("NAME", StringComparison.Ordinal), header.IndexOf("IMAGE", StringComparison.Ordinal), header.IndexOf("STATUS", StringComparison.Ordinal)],
                [row.IndexOf(" listed", StringComparison.Ordinal) + 1, row.IndexOf(" " + image, StringComparison.Ordinal) + 1, row.IndexOf(" EXITED", StringComparison.Ordinal) + 1]);
            Assert.Contains(id + "\n", await bed.CheckedAsync("ls", "--quiet"), StringComparison.Ordinal);
        }
        finally
        {
            await bed.CheckedAsync("rm", id);
        }
    }

    [Fact]
    public async Task Inspect_CreatedContainer_PrintsTheTwinStatusWithEveryDefault()
    {
        string image = bed.Env["CF_IMAGE_HELLO"];
        string id = await bed.CreateAsync(image, """{"portMappings":[{"hostPort":5000,"containerPort":80}],"resources":{"memory":"500M"}}""", start: false, name: "inspected");
        try
        {
            using JsonDocument status = JsonDocument.Parse(await bed.CheckedAsync("inspect", id));

            JsonElement root = status.RootElement;
            Assert.Equal(["name", "imageRef", "config", "createdAt", "state"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(("inspected", image), (root.GetProperty("name").GetString(), root.GetProperty("imageRef").GetString()));
            using JsonDocument expected = JsonDocument.Parse("""
                {"domainName":"inspected-domain","hostName":"inspected-host","restartPolicy":{"type":"UNLESS_STOPPED"},
                 "portMappings":[{"proto":"tcp","hostPort":5000,"hostPortEnd":5000,"containerPort":80,"hostIP":"0.0.0.0"}],
                 "networkMode":"BRIDGE","log":{"type":"JSON_FILE","maxFiles":2,"maxSize":"100M","mode":"BLOCKING"},
                 "resources":{"memory":"500M","memorySwap":"1000M"}}
                """);
            Assert.True(JsonElement.DeepEquals(expected.RootElement, root.GetProperty("config")), root.GetProperty("config").GetRawText());
            Assert.Equal("""{"status":"CREATED","pid":-1}""", Compact(root.GetProperty("state")));
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$", root.GetProperty("createdAt").GetString());
        }
        finally
        {
            await bed.CheckedAsync("rm", id);
        }
    }

    [Fact]
    public async Task StopStartStop_WebServerWithPortMapping_AnswersOnLoopbackOnlyWhileRunning()
    {
        int port = HostPorts.FreeRange();
        string id = await bed.CreateAsync(bed.Env["CF_IMAGE_WEB"], $$"""{"portMappings":[{"hostPort":{{port}},"containerPort":80}]}""");
        try
        {
            Assert.Contains(bed.Env["CF_WEB_LINE"], await HostPorts.GetAsync(port), StringComparison.Ordinal);

            // httpd ignores SIGTERM as PID 1: without force the stop fails after the timeout and leaves it running.
            CliResult refused = await bed.RunAsync("stop", "--timeout", "1", id);
            Assert.Equal(new CliResult(1, "", $"stop: could not stop container with ID = {id} with SIGTERM\n"), refused);
            Assert.Equal("RUNNING", await bed.StatusAsync(id));

            Assert.Equal(new CliResult(0, id + "\n", ""), await bed.RunAsync("stop", "--timeout", "1", "--force", id));
            using (JsonDocument stopped = JsonDocument.Parse(await bed.CheckedAsync("inspect", id)))
            {
                JsonElement state = stopped.RootElement.GetProperty("state");
                Assert.Equal(("STOPPED", -1, 137), (state.GetProperty("status").GetString(), state.GetProperty("pid").GetInt64(), state.GetProperty("exitCode").GetInt64()));
            }

            Assert.True(await HostPorts.RefusedAsync(port));

            Assert.Equal(new CliResult(0, id + "\n", ""), await bed.RunAsync("start", id));
            Assert.Contains(bed.Env["CF_WEB_LINE"], await HostPorts.GetAsync(port), StringComparison.Ordinal);
            CliResult again = await bed.RunAsync("start", id);
            Assert.Equal(new CliResult(1, "", $"start: the container with id = {id} is already running\n"), again);
        }
        finally
        {
            await bed.RemoveAsync(id);
        }
    }

    [Fact]
    public async Task Rm_RunningContainerWithPortMapping_NeedsForceThenLeavesNothingBehind()
    {
        int port = HostPorts.FreeRange();
        string id = await bed.CreateAsync(bed.Env["CF_IMAGE_BUSYBOX"], $$"""{"cmd":{{Sleeper}},"portMappings":[{"hostPort":{{port}},"containerPort":80}]}""");
        await bed.WaitForStatusAsync(id, "RUNNING");
        string ns = bed.Namespace.Name;
        string netns = Path.Combine(bed.RunDir, "netns", id);
        Assert.Contains("veth", HostTool.LinksOnBridge(bed.BridgeName), StringComparison.Ordinal);
        Assert.Contains(id, HostTool.NatRules(), StringComparison.Ordinal);
        Assert.True(File.Exists(netns));

        CliResult refused = await bed.RunAsync("rm", id);
        CliResult removed = await bed.RunAsync("rm", "--force", id);

        Assert.Equal(new CliResult(1, "", $"rm: container with id = {id} is not stopped - must set the force flag to true to remove it\n"), refused);
        Assert.Equal(new CliResult(0, id + "\n", ""), removed);
        Assert.DoesNotContain(id, await Ctr.CheckedAsync(ns, "tasks", "ls"), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await Ctr.CheckedAsync(ns, "containers", "ls", "-q"), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await Ctr.CheckedAsync(ns, "snapshots", "ls"), StringComparison.Ordinal);
        Assert.Equal("", HostTool.LinksOnBridge(bed.BridgeName));
        Assert.DoesNotContain(id, HostTool.NatRules(), StringComparison.Ordinal);
        Assert.DoesNotContain(id, HostTool.Run("iptables-save", "-t", "filter").Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(netns));
        Assert.False(Directory.Exists(bed.FilesOf(id)));
        Assert.Equal([], Directory.GetFiles(Path.Combine(bed.StateDir, "cni", "results")));
        Assert.Equal(["last_reserved_ip.0", "lock"], Directory.GetFiles(Path.Combine(bed.StateDir, "cni", "ipam", "container-factory")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(id, await bed.CheckedAsync("ls", "--quiet"), StringComparison.Ordinal);
        Assert.Equal(new CliResult(1, "", $"inspect: no such container with id = {id} exists\n"), await bed.RunAsync("inspect", id));
    }

    [Fact]
    public async Task Start_HostPortHeldByAnotherContainer_FailsAndLeavesNoTaskNorNetwork()
    {
        int port = HostPorts.FreeRange();
        string config = $$"""{"cmd":{{Sleeper}},"portMappings":[{"hostPort":{{port}},"containerPort":80}]}""";
        string holder = await bed.CreateAsync(bed.Env["CF_IMAGE_BUSYBOX"], config);
        string second = await bed.CreateAsync(bed.Env["CF_IMAGE_BUSYBOX"], config, start: false);
        try
        {
            await bed.WaitForStatusAsync(holder, "RUNNING");
            string links = HostTool.LinksOnBridge(bed.BridgeName);

            // The task is created while the network is being connected: the failed connect must take the task down too.
            CliResult refused = await bed.RunAsync("start", second);

            Assert.Equal(new CliResult(1, "", $"start: host port tcp/{port} is already allocated\n"), refused);
            Assert.DoesNotContain(second, await Ctr.CheckedAsync(bed.Namespace.Name, "tasks", "ls"), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(bed.RunDir, "netns", second)));
            Assert.Equal(links, HostTool.LinksOnBridge(bed.BridgeName));
            Assert.Equal("CREATED", await bed.StatusAsync(second));
            Assert.Equal("RUNNING", await bed.StatusAsync(holder));
        }
        finally
        {
            await bed.RemoveAsync(second);
            await bed.RemoveAsync(holder);
        }
    }

    [Theory]
    [InlineData("""{"resources":{"memory":"2M"}}""")]
    [InlineData("""{"networkMode":"HOST","portMappings":[{"hostPort":80,"containerPort":80}]}""")]
    [InlineData("""{"restartPolicy":{}}""")]
    [InlineData("""{"portMappings":[{"hostPort":70000,"containerPort":80}]}""")]
    [InlineData("""{"env":["1BAD=x"],"resources":{"memory":"2M"}}""")]
    [InlineData("""{"mountPoints":[{"source":"","destination":"",},],}""")]
    [InlineData("""{"env":[""")]
    public async Task Create_InvalidConfig_PrintsTheAgentsReplyMessageAndCreatesNothing(string config)
    {
        string image = bed.Env["CF_IMAGE_HELLO"];
        string file = Path.Combine(bed.Root, $"invalid-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, config);
        CommandError agent = ((RejectedInbound)FactoryOperation.ReadValue(
            FactoryOperation.CreateWithConfig,
            Encoding.UTF8.GetBytes($$"""{"imageRef":"{{image}}","start":false,"config":{{config}}}"""),
            LocalReply(),
            static () => Guid.NewGuid().ToString())).Error;
        string before = await bed.CheckedAsync("ls", "--quiet");

        CliResult result = await bed.RunAsync("create", "--container-config", file, image);

        string expected = $"create: {agent.Message}\n" + (agent.Description is null ? "" : $"create: also: {agent.Description}\n");
        Assert.Equal(new CliResult(1, "", expected), result);
        Assert.Equal(before, await bed.CheckedAsync("ls", "--quiet"));
    }

    [Fact]
    public async Task Create_MemoryBelowMinimum_PrintsKantosTextWithThePath()
    {
        string file = Path.Combine(bed.Root, "small-memory.json");
        await File.WriteAllTextAsync(file, """{"resources":{"memory":"2M"}}""");

        CliResult result = await bed.RunAsync("create", "--name", "small", "--container-config", file, bed.Env["CF_IMAGE_HELLO"]);

        Assert.Equal(new CliResult(1, "", "create: minimum memory allowed is 3M (config.resources.memory)\n"), result);
    }

    [Fact]
    public async Task Create_EmptyConfigFile_Exits2NamingTheFile()
    {
        string file = Path.Combine(bed.Root, "empty.json");
        await File.WriteAllTextAsync(file, " \n");

        CliResult result = await bed.RunAsync("create", "--container-config", file, bed.Env["CF_IMAGE_HELLO"]);

        Assert.Equal(new CliResult(2, "", $"create: {file} is empty; it must hold the config object, e.g. {{\"env\":[\"A=1\"]}}\n"), result);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("stop")]
    [InlineData("rm")]
    [InlineData("inspect")]
    [InlineData("logs")]
    public async Task Command_UnknownId_Exits1WithKantosMessage(string command)
    {
        CliResult result = await bed.RunAsync(command, "no-such-container");

        Assert.Equal(new CliResult(1, "", $"{command}: no such container with id = no-such-container exists\n"), result);
    }

    [Theory]
    [InlineData("create", "create: an IMAGE is required; see 'container-factory create --help'\n")]
    [InlineData("create --name", "create: --name needs a value; see 'container-factory create --help'\n")]
    [InlineData("start", "start: an ID is required; see 'container-factory start --help'\n")]
    [InlineData("stop --timeout soon x", "stop: --timeout needs a whole number of seconds; see 'container-factory stop --help'\n")]
    [InlineData("rm -x y", "rm: unexpected argument '-x'; see 'container-factory rm --help'\n")]
    [InlineData("ls extra", "ls: unexpected argument 'extra'; see 'container-factory ls --help'\n")]
    [InlineData("inspect a b", "inspect: unexpected argument 'b'; see 'container-factory inspect --help'\n")]
    [InlineData("logs --tail", "logs: --tail needs a number of lines; see 'container-factory logs --help'\n")]
    public async Task Command_BadArguments_Exits2WithTheProblem(string line, string stderr)
    {
        CliResult result = await bed.RunAsync(line.Split(' '));

        Assert.Equal(new CliResult(2, "", stderr), result);
    }

    [Theory]
    [InlineData("create")]
    [InlineData("start")]
    [InlineData("stop")]
    [InlineData("rm")]
    [InlineData("ls")]
    [InlineData("inspect")]
    [InlineData("logs")]
    public async Task Command_Help_PrintsItsUsageAndExits0(string command)
    {
        CliResult result = await bed.RunAsync(command, "--help");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.StartsWith($"Usage: container-factory {command} ", result.Stdout, StringComparison.Ordinal);
    }

    private static ReplyContext LocalReply() => new(default, "", "", "c-1");

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element, CliJson.Default.JsonElement);

    [GeneratedRegex(" {2,}")]
    private static partial Regex Columns();
}
