using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>Writes and reads <see cref="OciSpec"/> JSON with the source-generated <c>OciJson</c> context.</summary>
public static class OciSpecJson
{
    private static readonly OciJson Indented = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
    });

    /// <summary>Compact UTF-8 JSON, the bytes sent as the container's spec (<c>Any.value</c>).</summary>
    public static byte[] Serialize(OciSpec spec) => JsonSerializer.SerializeToUtf8Bytes(spec, OciJson.Default.OciSpec);

    /// <summary>Compact UTF-8 JSON of a <c>linux.resources</c> object: runtime-spec <c>LinuxResources</c>, the body of a task update.</summary>
    public static byte[] SerializeResources(OciResources resources) => JsonSerializer.SerializeToUtf8Bytes(resources, OciJson.Default.OciResources);

    /// <summary>Indented text (two spaces, <c>\n</c> line ends, no final newline), the layout of the golden files.</summary>
    public static string SerializeIndented(OciSpec spec) => JsonSerializer.Serialize(spec, Indented.OciSpec);

    /// <summary>Parses spec JSON (e.g. read back from containerd). Unknown members are ignored. Never throws.</summary>
    /// <returns>The spec, or <see cref="RuntimeErrorKind.InvalidArgument"/> when the text is not a spec object.</returns>
    public static RuntimeResult<OciSpec> Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var spec = JsonSerializer.Deserialize(json, OciJson.Default.OciSpec);
            return spec is null
                ? new RuntimeError(RuntimeErrorKind.InvalidArgument, "OCI spec JSON is null")
                : spec;
        }
        catch (JsonException e)
        {
            return new RuntimeError(RuntimeErrorKind.InvalidArgument, $"invalid OCI spec JSON: {e.Message}");
        }
    }
}
