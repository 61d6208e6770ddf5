using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ContainerFactory.Config.Containers;

namespace ContainerFactory.Config.Kanto;

/// <summary>
/// Decodes the raw UTF-8 JSON of a Ditto <c>value</c> into requests. Never throws. Decoding is lenient like
/// Kanto (case-insensitive keys, unknown keys ignored, JSON null = default) and also accepts trailing commas.
/// A wrong JSON type, a number out of its type's range or malformed JSON gives a
/// <see cref="ConfigErrorKind.InvalidValue"/> error whose message ends with the dotted path, e.g.
/// <c>cannot decode value: expected integer between 0 and 65535 (config.portMappings[0].hostPort)</c>.
/// An empty span means "no value" and decodes like <c>{}</c> (or <c>null</c> for rename/remove).
/// Nothing is validated here: see <see cref="ContainerValidation"/>.
/// </summary>
public static partial class KantoDecoder
{
    private static readonly JsonReaderOptions SyntaxOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Decodes a <c>create</c> value <c>{imageRef, start}</c>; other keys (also <c>name</c>, <c>config</c>) are ignored.</summary>
    /// <param name="value">UTF-8 JSON of the value; the caller passes <c>"{}"u8</c> when the envelope has none.</param>
    /// <param name="request">The request (name and config null) when the result is true.</param>
    /// <param name="error">The decode error when the result is false.</param>
    public static bool TryDecodeCreate(
        ReadOnlySpan<byte> value,
        [NotNullWhen(true)] out CreateRequest? request,
        [NotNullWhen(false)] out ConfigError? error)
    {
        request = null;
        if (!TryDeserialize(value, KantoJson.Default.KantoCreateValue, "object", out var wire, out error))
        {
            return false;
        }

        request = new CreateRequest(wire?.ImageRef ?? "", null, wire?.Start ?? false, null);
        return true;
    }

    /// <summary>Decodes a <c>createWithConfig</c> value <c>{imageRef, name, start, config}</c>; a null or absent config acts like <c>create</c>.</summary>
    /// <param name="value">UTF-8 JSON of the value; the caller passes <c>"{}"u8</c> when the envelope has none.</param>
    /// <param name="request">The request, with the raw wire config, when the result is true.</param>
    /// <param name="error">The decode error when the result is false.</param>
    public static bool TryDecodeCreateWithConfig(
        ReadOnlySpan<byte> value,
        [NotNullWhen(true)] out CreateRequest? request,
        [NotNullWhen(false)] out ConfigError? error)
    {
        request = null;
        if (!TryDeserialize(value, KantoJson.Default.KantoCreateWithConfigValue, "object", out var wire, out error))
        {
            return false;
        }

        request = new CreateRequest(wire?.ImageRef ?? "", wire?.Name, wire?.Start ?? false, wire?.Config);
        return true;
    }

    /// <summary>
    /// Checks the syntax in one reader pass, then deserializes; the only place JSON exceptions are caught.
    /// An empty span yields a null result.
    /// </summary>
    private static bool TryDeserialize<T>(
        ReadOnlySpan<byte> value,
        JsonTypeInfo<T> typeInfo,
        string rootExpected,
        out T? result,
        [NotNullWhen(false)] out ConfigError? error)
    {
        result = default;
        error = null;
        if (value.IsEmpty)
        {
            return true;
        }

        if (!IsWellFormed(value))
        {
            error = new ConfigError(ConfigErrorKind.InvalidValue, $"cannot decode value: malformed JSON ({KantoValuePath.Root})");
            return false;
        }

        try
        {
            result = JsonSerializer.Deserialize(value, typeInfo);
            return true;
        }
        catch (JsonException e)
        {
            var path = KantoValuePath.FromJsonPath(e.Path);
            var expected = KantoValuePath.Expected(path, rootExpected);
            error = new ConfigError(ConfigErrorKind.InvalidValue, $"cannot decode value: expected {expected} ({path})");
            return false;
        }
    }

    private static bool IsWellFormed(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value, SyntaxOptions);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
