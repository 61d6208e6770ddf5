using System.Text.Json.Serialization;

namespace ContainerFactory.Config.Kanto;

/// <summary>
/// Source-generated reader for the Kanto-shaped operation values. Lenient like Kanto's Go decoder and the
/// published examples need (PRODUCT.md §2.2): keys match case-insensitively, unknown keys are skipped,
/// trailing commas are accepted, JSON null leaves the default. Comments and quoted numbers are rejected.
/// Use it through <see cref="KantoDecoder"/>, which turns exceptions into <see cref="Containers.ConfigError"/> values.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(KantoCreateValue))]
[JsonSerializable(typeof(KantoCreateWithConfigValue))]
[JsonSerializable(typeof(KantoUpdateValue))]
[JsonSerializable(typeof(KantoStopOptions))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool?))]
public sealed partial class KantoJson : JsonSerializerContext;
