using System.Text.RegularExpressions;
using ContainerFactory.IntegrationTests.Support;
using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.IntegrationTests.Logs;

/// <summary>
/// The real thing: containerd 1.6 from build/env starts the published binary through <c>ctr run --log-uri</c>
/// with the URI <see cref="LogDriverUri"/> builds. Each test uses its own namespace and removes it.
/// </summary>
public sealed class ContainerdLogDriverTests : IAsyncLifetime
{
    private const string Time = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z";
    private static readonly TimeSpan CtrTimeout = TimeSpan.FromSeconds(90);

    private readonly string _ns = $"cftest-logs-{Guid.NewGuid():N}"[..24];
    private readonly string _root = Directory.CreateTempSubdirectory("cf-ctrlogs-").FullName;
    private readonly List<string> _images = [];
    private StackEnvironment? _env;

    private StackEnvironment Env => _env ?? throw new InvalidOperationException("the test stack was not loaded");

    public async Task InitializeAsync()
    {
        StackEnvironment env = StackEnvironment.Load();
        (int code, string stdout, string stderr) = await env.CtrAsync(_ns, CtrTimeout, "version");
        Assert.True(code == 0, $"containerd at {env["CF_CONTAINERD_SOCKET"]} is not reachable (run build/env/up.sh): {stdout}{stderr}");
        _env = env;
    }

    public async Task DisposeAsync()
    {
        if (_env is not null)
        {
            foreach (string image in _images)
            {
                _ = await _env.CtrAsync(_ns, CtrTimeout, "image", "rm", "--sync", image);
            }

            _ = await _env.CtrAsync(_ns, CtrTimeout, "namespaces", "rm", _ns);
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task CtrRun_HelloWorld_JsonLogHoldsTheLineAndDriverExits()
    {
        string image = await PullAsync("CF_IMAGE_HELLO");
        string uri = LogDriverUri.Build(NativeBinary.Path, LogDriverOptions.Default with { RootDir = _root });

        (int code, string stdout, string stderr) = await Env.CtrAsync(_ns, CtrTimeout, "run", "--rm", "--log-uri", uri, image, "hello");

        Assert.True(code == 0, $"ctr run failed: {stdout}{stderr}");
        string log = File.ReadAllText(Path.Combine(_root, "hello", "json.log"));
        Assert.Matches($"^\\{{\"stream\":\"stdout\",\"log\":\"{Regex.Escape(Env["CF_HELLO_LINE"])}\\\\n\",\"time\":\"{Time}\"\\}}\n$", log);
        Assert.False(File.Exists(Path.Combine(_root, "hello", "driver.log")));
        await AssertDriverGoneAsync("hello");
    }

    [Fact]
    public async Task CtrRun_BusyboxBothStreamsNonBlocking_LinesInOrderPerStream()
    {
        string image = await PullAsync("CF_IMAGE_BUSYBOX");
        var options = LogDriverOptions.Default with { RootDir = _root, Mode = LogDeliveryMode.NonBlocking, MaxFiles = 1 };
        string uri = LogDriverUri.Build(NativeBinary.Path, options);

        (int code, string stdout, string stderr) = await Env.CtrAsync(
            _ns, CtrTimeout, "run", "--rm", "--log-uri", uri, image, "both", "sh", "-c", "echo out 1; echo err 1 >&2; echo out 2; printf 'tail'");

        Assert.True(code == 0, $"ctr run failed: {stdout}{stderr}");
        string[] lines = File.ReadAllLines(Path.Combine(_root, "both", "json.log"));
        Assert.Equal(
            ["out 1\\n", "out 2\\n", "tail"],
            lines.Where(l => l.StartsWith("{\"stream\":\"stdout\"", StringComparison.Ordinal)).Select(LogOf));
        Assert.Equal(["err 1\\n"], lines.Where(l => l.StartsWith("{\"stream\":\"stderr\"", StringComparison.Ordinal)).Select(LogOf));
        await AssertDriverGoneAsync("both");
    }

    private async Task<string> PullAsync(string key)
    {
        string image = Env[key];
        (int code, string stdout, string stderr) = await Env.CtrAsync(_ns, CtrTimeout, "image", "pull", "--plain-http", image);
        Assert.True(code == 0, $"pull of {image} failed: {stdout}{stderr}");
        _images.Add(image);
        return image;
    }

    private static string LogOf(string line) => Regex.Match(line, "\"log\":\"(.*)\",\"time\"").Groups[1].Value;

    /// <summary>After <c>ctr run --rm</c> the shim has SIGTERMed the driver; no process may still carry the container id.</summary>
    private static async Task AssertDriverGoneAsync(string id)
    {
        for (int i = 0; i < 50 && DriverRunning(id); i++)
        {
            await Task.Delay(100);
        }

        Assert.False(DriverRunning(id), $"a log driver for {id} is still running");
    }

    private static bool DriverRunning(string id) =>
        Directory.GetDirectories("/proc").Any(dir =>
        {
            try
            {
                return Path.GetFileName(dir).All(char.IsAsciiDigit)
                    && File.ReadAllText(Path.Combine(dir, "environ")).Split('\0').Contains($"CONTAINER_ID={id}")
                    && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("container-factory", StringComparison.Ordinal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        });
}
