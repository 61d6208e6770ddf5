using System.Text;
using System.Text.Json;
using ContainerFactory.Runtime.Network;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class CniInvokerTests
{
    private static readonly CniNetworkList Bridge = CniConfigFactory.Bridge(CniTestData.DefaultOptions, CniTestData.DockerSubnet);
    private static readonly IReadOnlyList<PortMapping> Ports = [new PortMapping { HostPort = 8080, ContainerPort = 80, Protocol = "tcp" }];
    private static readonly CniAttachmentArgs Args = new("c1", "/run/container-factory/netns/c1", "eth0", Ports);
    private readonly FakeCniRunner _runner = new();

    private CniInvoker Invoker => new(_runner, "/usr/lib/cni", TimeSpan.FromSeconds(7), NullLogger.Instance);

    [Fact]
    public async Task AddAsync_BridgeList_RunsForwardWithEnvironmentAndChainsPrevResult()
    {
        RuntimeResult<JsonElement> result = await Invoker.AddAsync(Bridge, Args, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(["bridge ADD eth0", "portmap ADD eth0"], _runner.Calls);
        Assert.Equal("/usr/lib/cni/bridge", _runner.Requests[0].PluginPath);
        Assert.Equal(TimeSpan.FromSeconds(7), _runner.Requests[0].Timeout);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CNI_COMMAND"] = "ADD",
                ["CNI_CONTAINERID"] = "c1",
                ["CNI_NETNS"] = "/run/container-factory/netns/c1",
                ["CNI_IFNAME"] = "eth0",
                ["CNI_ARGS"] = "",
                ["CNI_PATH"] = "/usr/lib/cni",
            },
            _runner.Requests[1].Environment);
        Assert.False(_runner.StdinOf(0).TryGetProperty("prevResult", out _));
        Assert.Equal(Compact(CniTestData.BridgeAddResult()), Compact(_runner.StdinOf(1).GetProperty("prevResult")));
        Assert.Equal(Compact(CniTestData.BridgeAddResult()), Compact(result.Value));
    }

    [Fact]
    public async Task AddAsync_SecondPluginFails_StopsAndNamesPluginCommandAndCode()
    {
        _runner.Outcomes["portmap/ADD"] = FakeCniRunner.Error(999, "could not add DNAT");

        RuntimeResult<JsonElement> result = await Invoker.AddAsync(Bridge, Args, CancellationToken.None);

        Assert.Equal(new RuntimeError(RuntimeErrorKind.Internal, "cni plugin portmap ADD failed: code 999: could not add DNAT"), result.Error);
        Assert.Equal(["bridge ADD eth0", "portmap ADD eth0"], _runner.Calls);
    }

    [Fact]
    public async Task AddAsync_PluginPrintsNoJson_FailsWithBadOutput()
    {
        _runner.Outcomes["bridge/ADD"] = new CniExecOutcome(0, "ok"u8.ToArray(), "");

        RuntimeResult<JsonElement> result = await Invoker.AddAsync(Bridge, Args, CancellationToken.None);

        Assert.Equal(new RuntimeError(RuntimeErrorKind.Internal, "cni plugin bridge ADD printed an unusable result: not a JSON object: ok"), result.Error);
    }

    [Fact]
    public async Task DeleteAsync_CachedResult_RunsInReverseEachWithTheCachedResultAndPorts()
    {
        RuntimeResult result = await Invoker.DeleteAsync(Bridge, Args, CniTestData.BridgeAddResult(), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(["portmap DEL eth0", "bridge DEL eth0"], _runner.Calls);
        Assert.All([0, 1], i => Assert.Equal(Compact(CniTestData.BridgeAddResult()), Compact(_runner.StdinOf(i).GetProperty("prevResult"))));
        Assert.Equal(8080, _runner.StdinOf(0).GetProperty("runtimeConfig").GetProperty("portMappings")[0].GetProperty("hostPort").GetInt32());
    }

    [Fact]
    public async Task DeleteAsync_FirstPluginFails_StillRunsTheRestAndReturnsTheFirstError()
    {
        _runner.Outcomes["portmap/DEL"] = FakeCniRunner.Error(11, "xtables lock held");
        _runner.Outcomes["bridge/DEL"] = FakeCniRunner.Error(999, "later failure");

        RuntimeResult result = await Invoker.DeleteAsync(Bridge, Args, null, CancellationToken.None);

        Assert.Equal(["portmap DEL eth0", "bridge DEL eth0"], _runner.Calls);
        Assert.Equal(new RuntimeError(RuntimeErrorKind.Unavailable, "cni plugin portmap DEL failed: code 11: xtables lock held"), result.Error);
        Assert.False(_runner.StdinOf(1).TryGetProperty("prevResult", out _));
    }

    [Fact]
    public async Task CheckAsync_CachedResult_RunsForwardWithIt()
    {
        RuntimeResult result = await Invoker.CheckAsync(Bridge, Args, CniTestData.BridgeAddResult(), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(["bridge CHECK eth0", "portmap CHECK eth0"], _runner.Calls);
        Assert.True(_runner.StdinOf(0).TryGetProperty("prevResult", out _));
    }

    public static TheoryData<CniExecOutcome, RuntimeError> FailureVectors => new()
    {
        {
            new CniExecOutcome(1, CniTestData.Bytes("results", "error-unknown-args.json"), "", false),
            new RuntimeError(RuntimeErrorKind.Internal, "cni plugin bridge ADD failed: code 999: ARGS: unknown args [\"FOO=bar\"]")
        },
        {
            new CniExecOutcome(1, CniTestData.Bytes("results", "error-parse.json"), "", false),
            new RuntimeError(RuntimeErrorKind.InvalidArgument, "cni plugin bridge ADD failed: code 6: error unmarshall network config: unexpected end of JSON input")
        },
        {
            new CniExecOutcome(1, """{"cniVersion":"1.0.0","code":7,"msg":"invalid env","details":"CNI_NETNS is empty"}"""u8.ToArray(), "trace line\n"),
            new RuntimeError(RuntimeErrorKind.InvalidArgument, "cni plugin bridge ADD failed: code 7: invalid env (CNI_NETNS is empty); stderr: trace line")
        },
        {
            new CniExecOutcome(1, """{"code":3,"msg":"no such container"}"""u8.ToArray(), ""),
            new RuntimeError(RuntimeErrorKind.NotFound, "cni plugin bridge ADD failed: code 3: no such container")
        },
        {
            new CniExecOutcome(2, "panic: boom"u8.ToArray(), "goroutine 1\n"),
            new RuntimeError(RuntimeErrorKind.Internal, "cni plugin bridge ADD exited with 2 and no error object: panic: boom; stderr: goroutine 1")
        },
        {
            new CniExecOutcome(-1, [], "", TimedOut: true),
            new RuntimeError(RuntimeErrorKind.DeadlineExceeded, "cni plugin bridge ADD did not finish within 7 s and was killed")
        },
        {
            new CniExecOutcome(-1, [], "", StartError: "No such file or directory"),
            new RuntimeError(RuntimeErrorKind.NotFound, "cni plugin bridge cannot be run from /usr/lib/cni/bridge: No such file or directory")
        },
    };

    [Theory]
    [MemberData(nameof(FailureVectors))]
    public async Task AddAsync_FailedExecution_BecomesAnErrorValue(CniExecOutcome outcome, RuntimeError expected)
    {
        _runner.Outcomes["bridge/ADD"] = outcome;

        RuntimeResult<JsonElement> result = await Invoker.AddAsync(Bridge, Args, CancellationToken.None);

        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public async Task AddAsync_PluginTypeWithSlash_IsRejectedWithoutRunning()
    {
        CniNetworkList list = Bridge with { Plugins = [new CniPluginConfig { Type = "../bin/sh" }] };

        RuntimeResult<JsonElement> result = await Invoker.AddAsync(list, Args, CancellationToken.None);

        Assert.Equal(new RuntimeError(RuntimeErrorKind.InvalidArgument, "invalid cni plugin type \"../bin/sh\""), result.Error);
        Assert.Empty(_runner.Requests);
    }

    [Fact]
    public async Task VersionAsync_PluginAnswer_ReadsSupportedVersions()
    {
        _runner.Outcomes["portmap/VERSION"] = new CniExecOutcome(
            0, """{"cniVersion":"1.0.0","supportedVersions":["0.1.0","0.2.0","0.3.0","0.3.1","0.4.0","1.0.0"]}"""u8.ToArray(), "");

        RuntimeResult<CniVersionResult> result = await Invoker.VersionAsync("portmap", CancellationToken.None);

        Assert.Equal(["0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0"], result.Value.SupportedVersions);
        Assert.Equal(new Dictionary<string, string> { ["CNI_COMMAND"] = "VERSION", ["CNI_PATH"] = "/usr/lib/cni" }, _runner.Requests[0].Environment);
        Assert.Equal("""{"cniVersion":"1.0.0"}""", Encoding.UTF8.GetString(_runner.Requests[0].Stdin.Span));
    }

    private static string Compact(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
