using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContainerFactory.IntegrationTests.Support;

/// <summary>
/// The endpoints of the build/env test stack: the flat JSON object (all strings) that <c>build/env/up.sh</c> writes,
/// read from the file named by <c>CF_ENV_FILE</c>, else <c>&lt;repo&gt;/.state/env.json</c>. A missing or unreadable
/// file fails the test that asks (integration tests never skip).
/// </summary>
internal sealed class TestEnvironment
{
    private static readonly Lazy<TestEnvironment> Loaded = new(Load);
    private readonly IReadOnlyDictionary<string, string> _values;

    private TestEnvironment(string path, IReadOnlyDictionary<string, string> values)
    {
        Path = path;
        _values = values;
    }

    /// <summary>The environment of this test run; throws (failing the test) when build/env is not up.</summary>
    public static TestEnvironment Current => Loaded.Value;

    /// <summary>The env.json file read.</summary>
    public string Path { get; }

    public string ContainerdSocket => this["CF_CONTAINERD_SOCKET"];

    public string Snapshotter => this["CF_CONTAINERD_SNAPSHOTTER"];

    /// <summary>The anonymous registry, <c>127.0.0.1:PORT</c>.</summary>
    public string Registry => this["CF_REGISTRY"];

    /// <summary>The basic-auth registry, <c>127.0.0.1:PORT</c>.</summary>
    public string AuthRegistry => this["CF_AUTH_REGISTRY"];

    public string AuthUser => this["CF_AUTH_USER"];

    public string AuthPassword => this["CF_AUTH_PASSWORD"];

    public string HelloLine => this["CF_HELLO_LINE"];

    /// <summary>A value by key (e.g. <c>CF_IMAGE_HELLO_DIGEST</c>); throws naming the key and file when absent.</summary>
    public string this[string key] =>
        _values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"{key} is missing from {Path}; re-run build/env/up.sh");

    private static TestEnvironment Load()
    {
        var path = Environment.GetEnvironmentVariable("CF_ENV_FILE") is { Length: > 0 } named ? named : DefaultPath();
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"test environment not found at {path}: start it with 'build/env/install.sh && build/env/up.sh' or set CF_ENV_FILE");
        }

        var values = JsonSerializer.Deserialize(File.ReadAllBytes(path), EnvJson.Default.DictionaryStringString)
            ?? throw new InvalidOperationException($"{path} is not a JSON object");
        return new TestEnvironment(path, values);
    }

    private static string DefaultPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ContainerFactory.Aot.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, ".state", "env.json");
            }
        }

        return "/work/main/.state/env.json";
    }
}

/// <summary>Source-generated JSON metadata for env.json.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class EnvJson : JsonSerializerContext;
