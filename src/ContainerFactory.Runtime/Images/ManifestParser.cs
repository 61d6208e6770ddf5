using System.Text.Json;

namespace ContainerFactory.Runtime.Images;

/// <summary>
/// Reads manifests, indexes and configs from their JSON bytes and checks the fields the runtime relies on.
/// Never throws: malformed documents are <see cref="RuntimeErrorKind.Internal"/> errors naming the subject.
/// </summary>
public static class ManifestParser
{
    /// <summary>Parses an image manifest (OCI or Docker schema 2).</summary>
    /// <param name="json">The manifest bytes exactly as fetched.</param>
    /// <param name="subject">What is being parsed (image and digest), for error messages.</param>
    public static RuntimeResult<ImageManifest> ParseManifest(ReadOnlySpan<byte> json, string subject)
    {
        if (!TryDeserialize(json, ImageJson.Default.ImageManifest, out var manifest, out var error))
        {
            return Malformed(subject, error);
        }

        if (manifest.Config is null || !IsValid(manifest.Config) || manifest.Layers is null || !manifest.Layers.All(IsValid))
        {
            return Malformed(subject, "missing or invalid config or layer descriptor");
        }

        return manifest;
    }

    /// <summary>Parses an image index or manifest list.</summary>
    public static RuntimeResult<ImageIndex> ParseIndex(ReadOnlySpan<byte> json, string subject)
    {
        if (!TryDeserialize(json, ImageJson.Default.ImageIndex, out var index, out var error))
        {
            return Malformed(subject, error);
        }

        if (index.Manifests is null || !index.Manifests.All(IsValid))
        {
            return Malformed(subject, "missing or invalid manifest descriptor");
        }

        return index;
    }

    /// <summary>Parses an image config.</summary>
    public static RuntimeResult<ImageConfig> ParseConfig(ReadOnlySpan<byte> json, string subject)
    {
        if (!TryDeserialize(json, ImageJson.Default.ImageConfig, out var config, out var error))
        {
            return Malformed(subject, error);
        }

        return config.RootFs?.DiffIds is { } ids && ids.All(ContentDigest.IsValid)
            ? config
            : Malformed(subject, "missing or invalid rootfs.diff_ids");
    }

    /// <summary>
    /// The media type a document declares, or what its shape says when it does not (an index has
    /// <c>manifests</c>, a manifest has <c>layers</c>); null when it is neither.
    /// </summary>
    public static string? SniffMediaType(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? declared = null;
            var shape = (string?)null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("mediaType"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    declared = reader.GetString();
                    continue;
                }

                shape ??= reader.ValueTextEquals("manifests"u8) ? MediaTypes.OciIndex
                    : reader.ValueTextEquals("layers"u8) ? MediaTypes.OciManifest : null;
                reader.Read();
                reader.Skip();
            }

            return declared ?? shape;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsValid(Descriptor? d) =>
        d is not null && !string.IsNullOrEmpty(d.MediaType) && ContentDigest.IsValid(d.Digest) && d.Size >= 0;

    private static bool TryDeserialize<T>(ReadOnlySpan<byte> json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value, out string error)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize(json, info);
            error = value is null ? "document is null" : "";
            return value is not null;
        }
        catch (JsonException e)
        {
            value = null;
            error = e.Message;
            return false;
        }
    }

    private static RuntimeError Malformed(string subject, string detail) =>
        new(RuntimeErrorKind.Internal, $"malformed {subject}: {detail}");
}
