using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContainerFactory.Config.Containers;

namespace ContainerFactory.Config.Kanto;

/// <summary>
/// Source-generated writer for Kanto's reporting shapes: members in the order Kanto re-emits them
/// (kanto-protocol §3.4) and, like Go's <c>omitempty</c>, members left at their default (null) are not written.
/// Writes only; read requests with <see cref="KantoDecoder"/>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(KantoContainerConfig))]
[JsonSerializable(typeof(KantoCreateWithConfigValue))]
public sealed partial class ContainerConfigJson : JsonSerializerContext
{
    /// <summary>
    /// Writes <c>status.config</c> (kanto-protocol §4.2), e.g. for a fresh create
    /// <c>{"domainName":"&lt;id&gt;-domain","hostName":"&lt;id&gt;-host","restartPolicy":{"type":"UNLESS_STOPPED"},"networkMode":"BRIDGE","log":{"type":"JSON_FILE","maxFiles":2,"maxSize":"100M","mode":"BLOCKING"}}</c>.
    /// </summary>
    /// <param name="writer">Destination; one JSON value is written at its current position.</param>
    /// <param name="config">A defaulted config from <see cref="ContainerDefaults.Apply"/>.</param>
    public static void Write(Utf8JsonWriter writer, ContainerConfig config) =>
        JsonSerializer.Serialize(writer, KantoReport.ToWire(config), Default.KantoContainerConfig);

    /// <summary>
    /// Writes the normalized command <c>{"imageRef":…,"name":…,"start":…,"config":{…}}</c> with every default
    /// filled in, <c>config</c> in the <see cref="Write"/> form (for <c>container-factory validate</c>).
    /// </summary>
    /// <param name="writer">Destination; one JSON value is written at its current position.</param>
    /// <param name="config">A defaulted config from <see cref="ContainerDefaults.Apply"/>.</param>
    /// <param name="start">The request's <c>start</c> flag.</param>
    public static void WriteNormalized(Utf8JsonWriter writer, ContainerConfig config, bool start) =>
        JsonSerializer.Serialize(writer, KantoReport.ToNormalizedCreate(config, start), Default.KantoCreateWithConfigValue);

    /// <summary>The <see cref="Write"/> form as a compact string.</summary>
    /// <param name="config">A defaulted config.</param>
    public static string ToJsonString(ContainerConfig config) => Render(w => Write(w, config));

    /// <summary>The <see cref="WriteNormalized"/> form as a compact string.</summary>
    /// <param name="config">A defaulted config.</param>
    /// <param name="start">The request's <c>start</c> flag.</param>
    public static string ToNormalizedJsonString(ContainerConfig config, bool start) => Render(w => WriteNormalized(w, config, start));

    private static string Render(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
