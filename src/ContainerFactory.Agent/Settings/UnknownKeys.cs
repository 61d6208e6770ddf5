using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ContainerFactory.Agent.Settings;

/// <summary>
/// Finds the first key of a JSON document that the target type does not have, guided by the source-generated
/// metadata (no reflection), so that a typo in the configuration file is reported by its dotted path.
/// </summary>
internal static class UnknownKeys
{
    /// <summary>The dotted path of the first unknown key, or null when every key is known. Assumes valid JSON.</summary>
    public static string? Find(ReadOnlySpan<byte> json, JsonTypeInfo root)
    {
        var reader = new Utf8JsonReader(json);
        return reader.Read() ? Walk(ref reader, root, "") : null;
    }

    private static string? Walk(ref Utf8JsonReader reader, JsonTypeInfo info, string path)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when reader.TokenType == JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string name = reader.GetString()!;
                    string here = path.Length == 0 ? name : $"{path}.{name}";
                    JsonPropertyInfo? property = info.Properties.FirstOrDefault(p => p.Name == name);
                    if (property is null)
                    {
                        return here;
                    }

                    reader.Read();
                    if (Walk(ref reader, info.Options.GetTypeInfo(property.PropertyType), here) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonTypeInfoKind.Dictionary when reader.TokenType == JsonTokenType.StartObject:
                JsonTypeInfo values = info.Options.GetTypeInfo(info.ElementType!);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string key = reader.GetString()!;
                    reader.Read();
                    if (Walk(ref reader, values, $"{path}['{key}']") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                reader.Skip();
                return null;
        }
    }
}
