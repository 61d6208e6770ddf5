using ContainerFactory.Agent.Cli;
using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Images;

/// <summary><c>container-factory pull</c> and <c>images</c> in process, against the test stack.</summary>
public sealed class PullCliTests(ContainerdNamespace ns) : IClassFixture<ContainerdNamespace>
{
    private static TestEnvironment Env => TestEnvironment.Current;

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] all = [args[0], "--containerd-socket", Env.ContainerdSocket, "--namespace", ns.Name, .. args[1..]];
        var code = await CliApp.RunAsync(all, Stream.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Pull_Image_PrintsNameAndDigestAndOneLinePerBlob()
    {
        var (code, stdout, stderr) = await RunAsync("pull", Env["CF_IMAGE_WEB"]);

        Assert.Equal(0, code);
        Assert.Equal($"{Env["CF_IMAGE_WEB"]} {Env["CF_IMAGE_WEB_DIGEST"]}\n", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"resolved manifest {Env["CF_IMAGE_WEB_DIGEST"]} (", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 1 + 1 + 3 + 3, lines.Length); // resolved, manifest, config, 3 layers, 3 unpack lines
        Assert.Equal(3, lines.Count(l => l.StartsWith("layer ", StringComparison.Ordinal) && (l.EndsWith(": unpacked", StringComparison.Ordinal) || l.EndsWith(": already unpacked", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Pull_ShortNameWithDockerHubMirrorInConfig_PullsDockerIoName()
    {
        var config = Path.Combine(Path.GetTempPath(), $"cf-pull-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, "{\"registries\":{\"docker.io\":{\"mirrors\":[\"http://" + Env.Registry + "\"]}}}");
        try
        {
            var (code, stdout, stderr) = await RunAsync("pull", "--config", config, "--quiet", "hello-world");

            Assert.True(code == 0, stderr);
            Assert.Equal($"docker.io/library/hello-world:latest {Env["CF_IMAGE_HELLO_DIGEST"]}\n", stdout);
            Assert.Equal("", stderr);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Images_AfterPull_ListsNameDigestSizeAndUnpacked()
    {
        Assert.Equal(0, (await RunAsync("pull", "--quiet", Env["CF_IMAGE_USER"])).Code);

        var (code, stdout, stderr) = await RunAsync("images");

        Assert.Equal((0, ""), (code, stderr));
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches("^NAME +DIGEST +SIZE +UNPACKED$", lines[0]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(
            l, $"^{System.Text.RegularExpressions.Regex.Escape(Env["CF_IMAGE_USER"])} +{Env["CF_IMAGE_USER_DIGEST"]} +[0-9.]+ (B|KiB|MiB) +yes$"));
    }

    [Fact]
    public async Task Pull_UnknownImage_ExitsOneNamingImageAndRegistry()
    {
        var (code, stdout, stderr) = await RunAsync("pull", $"{Env.Registry}/test/missing:1");

        Assert.Equal((1, ""), (code, stdout));
        Assert.Equal($"pull: image {Env.Registry}/test/missing:1 not found in {Env.Registry}\n", stderr);
    }

    [Fact]
    public async Task Pull_ContainerdUnreachable_ExitsOneNamingTheSocket()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["pull", "--containerd-socket", "/nonexistent/c.sock", Env["CF_IMAGE_HELLO"]], Stream.Null, stdout, stderr);

        Assert.Equal(1, code);
        Assert.Equal("pull: containerd not reachable at /nonexistent/c.sock\n", stderr.ToString());
    }

    [Fact]
    public async Task Pull_BadPlatformOrNoImage_ExitsWithUsageError()
    {
        var badPlatform = await RunAsync("pull", "--platform", "linux", Env["CF_IMAGE_HELLO"]);
        var noImage = await RunAsync("pull");

        Assert.Equal((2, "pull: invalid platform 'linux' (expected os/arch[/variant], e.g. linux/arm64)\n"), (badPlatform.Code, badPlatform.Stderr));
        Assert.Equal((2, "pull: an IMAGE is required; see 'container-factory pull --help'\n"), (noImage.Code, noImage.Stderr));
    }
}
