using System.Text;
using BenchmarkDotNet.Attributes;
using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;

namespace ContainerFactory.Benchmarks;

/// <summary>
/// Decoding, validating and defaulting the <c>value</c> of the published createWithConfig example (trailing commas
/// kept, mount and device paths filled in so that it is valid).
/// </summary>
[MemoryDiagnoser]
public class ConfigValidationBenchmark
{
    private byte[] _value = [];
    private CreateRequest _request = new("image", null, false, null);

    [GlobalSetup]
    public void Setup()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "testdata", "examples", "createWithConfig.request.json");
        string text = File.ReadAllText(path)
            .Replace("\"source\": \"\"", "\"source\": \"/tmp\"", StringComparison.Ordinal)
            .Replace("\"destination\": \"\"", "\"destination\": \"/data\"", StringComparison.Ordinal)
            .Replace("\"pathOnHost\": \"\"", "\"pathOnHost\": \"/dev/null\"", StringComparison.Ordinal)
            .Replace("\"pathInContainer\": \"\"", "\"pathInContainer\": \"/dev/mynull\"", StringComparison.Ordinal);
        int start = text.IndexOf("\"value\":", StringComparison.Ordinal) + "\"value\":".Length;
        int end = text.LastIndexOf('}');
        _value = Encoding.UTF8.GetBytes(text[start..end]);
        if (!KantoDecoder.TryDecodeCreateWithConfig(_value, out CreateRequest? request, out ConfigError? error))
        {
            throw new InvalidOperationException(error?.Message);
        }

        _request = request!;
        if (ContainerValidation.Validate(_request).Count != 0)
        {
            throw new InvalidOperationException("the benchmark config must be valid");
        }
    }

    [Benchmark]
    public CreateRequest? Decode()
    {
        KantoDecoder.TryDecodeCreateWithConfig(_value, out CreateRequest? request, out _);
        return request;
    }

    [Benchmark]
    public int Validate() => ContainerValidation.Validate(_request).Count;

    [Benchmark]
    public ContainerConfig ApplyDefaults() => ContainerDefaults.Apply("6f1d2c8e-0d6b-4c5e-9a57-1b2f0c3d4e5f", _request);
}
