using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Smoke;

/// <summary>
/// The cross-compiled linux-arm64 binaries under qemu-user: they start, answer the published examples exactly as
/// the x64 binary does, and reach the local mosquitto and containerd (PRODUCT.md §5). The bullseye build runs on
/// bullseye's glibc 2.31 and needs no newer symbol version.
/// </summary>
[Trait("Category", "Arm64Smoke")]
public class Arm64BinaryTests
{
    [Theory]
    [MemberData(nameof(Arm64Binary.Builds), MemberType = typeof(Arm64Binary))]
    public async Task Version_UnderQemu_PrintsLinuxArm64(string build)
    {
        (int code, string stdout, string stderr) = await Arm64Binary.Of(build).RunAsync(["version"]);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Matches(@"^container-factory \d+\.\d+\.\d+ linux-arm64\n$", stdout);
    }

    [Theory]
    [MemberData(nameof(Arm64Binary.Builds), MemberType = typeof(Arm64Binary))]
    public async Task Validate_PublishedCreateExample_PrintsNormalizedCommand(string build)
    {
        string file = TestData.PathOf("examples", "create.request.json");

        (int code, string stdout, string stderr) = await Arm64Binary.Of(build).RunAsync(["validate", file]);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        using JsonDocument command = JsonDocument.Parse(stdout);
        JsonElement root = command.RootElement;
        string id = root.GetProperty("containerId").GetString()!;
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        Assert.Equal("create", root.GetProperty("operation").GetString());
        Assert.Equal("docker.io/library/hello-world:latest", root.GetProperty("imageRef").GetString());
        Assert.True(root.GetProperty("start").GetBoolean());
        Assert.Equal($"{id}-host", root.GetProperty("config").GetProperty("hostName").GetString());
        Assert.Equal("BRIDGE", root.GetProperty("config").GetProperty("networkMode").GetString());
    }

    [Theory]
    [MemberData(nameof(Arm64Binary.Builds), MemberType = typeof(Arm64Binary))]
    public async Task Validate_PublishedCreateWithConfigExampleOnStdin_Answers400NamingTheMount(string build)
    {
        byte[] payload = TestData.Bytes("examples", "createWithConfig.request.json");

        (int code, string stdout, string stderr) = await Arm64Binary.Of(build).RunAsync(["validate", "-"], payload);

        Assert.Equal(1, code);
        Assert.Equal("reply topic: command//edge:device/res//createWithConfig\n", stderr);
        using JsonDocument reply = JsonDocument.Parse(stdout);
        Assert.Equal(400, reply.RootElement.GetProperty("status").GetInt32());
        JsonElement value = reply.RootElement.GetProperty("value");
        Assert.Equal("messages:parameter.invalid", value.GetProperty("error").GetString());
        Assert.Equal("source and destination must be set for a mount point (config.mountPoints[0])", value.GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(Arm64Binary.Builds), MemberType = typeof(Arm64Binary))]
    public async Task Check_LocalStack_EveryLineOk(string build)
    {
        var env = TestEnvironment.Current;
        DirectoryInfo scratch = Directory.CreateTempSubdirectory("cf-arm64-check-");
        string config = Path.Combine(scratch.FullName, "config.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "mqtt":       { "broker": "{{env["CF_MQTT_BROKER"]}}" },
              "containerd": { "socket": "{{env.ContainerdSocket}}" },
              "network":    { "bridge": "cfsmoke0", "cniBinDir": "{{env["CF_CNI_BIN_DIR"]}}" }
            }
            """);

        (int code, string stdout, string stderr) = await Arm64Binary.Of(build).RunAsync(["check", "--config", config, "--timeout", "30"]);
        scratch.Delete(recursive: true);

        Assert.Equal("", stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"ok    broker      {env["CF_MQTT_BROKER"]}: TCP connect and MQTT CONNECT accepted (", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"ok    containerd  {env.ContainerdSocket}: containerd 1.", lines[1], StringComparison.Ordinal);
        Assert.Equal("ok    bridge      cfsmoke0 absent; created by the CNI bridge plugin on the first bridged container start", lines[2]);
        Assert.Equal($"ok    cni         {env["CF_CNI_BIN_DIR"]}: bridge host-local portmap loopback", lines[3]);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task GlibcFloor_BullseyeBuild_NeedsNothingNewerThan231()
    {
        Arm64Binary binary = Arm64Binary.Of(Arm64Binary.Bullseye);

        Version floor = await HighestGlibcVersionAsync(binary.Path);

        Assert.True(floor <= new Version(2, 31), $"{binary.Path} needs GLIBC_{floor}; the bullseye build must run on glibc 2.31");
    }

    /// <summary>The highest <c>GLIBC_x.y</c> of the binary's version needs (<c>readelf -V</c>).</summary>
    private static async Task<Version> HighestGlibcVersionAsync(string binary)
    {
        var start = new ProcessStartInfo("readelf") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-V");
        start.ArgumentList.Add("--wide");
        start.ArgumentList.Add(binary);
        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        var versions = Regex.Matches(output, @"Name: GLIBC_(\d+\.\d+(?:\.\d+)?)")
            .Select(m => Version.Parse(m.Groups[1].Value))
            .ToList();
        Assert.NotEmpty(versions);
        return versions.Max()!;
    }
}
