using System.Buffers;
using BenchmarkDotNet.Attributes;
using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Benchmarks;

/// <summary>PRODUCT.md §6: the envelope parse of the published create example, 0 bytes allocated, ≤ 300 ns.</summary>
[MemoryDiagnoser]
public class EnvelopeParseBenchmark
{
    private ReadOnlySequence<byte> _create;
    private ReadOnlySequence<byte> _createWithConfig;

    [GlobalSetup]
    public void Setup()
    {
        string examples = Path.Combine(AppContext.BaseDirectory, "testdata", "examples");
        _create = new ReadOnlySequence<byte>(File.ReadAllBytes(Path.Combine(examples, "create.request.json")));
        _createWithConfig = new ReadOnlySequence<byte>(File.ReadAllBytes(Path.Combine(examples, "createWithConfig.request.json")));
    }

    [Benchmark(Baseline = true)]
    public DittoValueKind ParseCreateExample() => DittoEnvelopeReader.Read(_create).ValueKind;

    [Benchmark]
    public DittoValueKind ParseCreateWithConfigExample() => DittoEnvelopeReader.Read(_createWithConfig).ValueKind;
}
