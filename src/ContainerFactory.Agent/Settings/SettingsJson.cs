using System.Text.Json.Serialization;

namespace ContainerFactory.Agent.Settings;

/// <summary>Source-generated JSON of the configuration file: camelCase keys, strict JSON, unknown keys rejected.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true,
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(AgentSettings))]
internal sealed partial class SettingsJson : JsonSerializerContext;
