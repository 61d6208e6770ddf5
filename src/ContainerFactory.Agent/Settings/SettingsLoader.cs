using System.Text.Json;

namespace ContainerFactory.Agent.Settings;

/// <summary>
/// Loads the configuration: defaults, then the JSON file (<c>--config FILE</c>, else
/// <see cref="DefaultFile"/> when it exists), then the command-line flags. Strict: an unknown key, a value of the
/// wrong type or an invalid setting is an error naming it. Never throws.
/// </summary>
public static class SettingsLoader
{
    /// <summary>The configuration file read when <c>--config</c> is not given and the file exists.</summary>
    public const string DefaultFile = "/etc/container-factory/config.json";

    /// <summary>Loads the settings for <paramref name="options"/>; the error names the file and key at fault.</summary>
    public static bool TryLoad(GlobalOptions options, out AgentSettings settings, out string? error)
    {
        settings = new AgentSettings();
        string? file = options.ConfigFile ?? (File.Exists(DefaultFile) ? DefaultFile : null);
        if (file is not null && !TryReadFile(file, out settings, out error))
        {
            return false;
        }

        settings = options.ApplyTo(settings);
        error = SettingsValidation.Validate(settings) is { } problem
            ? file is null ? problem : $"{file}: {problem}"
            : null;
        return error is null;
    }

    /// <summary>Parses the JSON of a configuration file.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out AgentSettings settings, out string? error)
    {
        settings = new AgentSettings();
        try
        {
            settings = JsonSerializer.Deserialize(json, SettingsJson.Default.AgentSettings) ?? new AgentSettings();
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = Describe(json, e);
            return false;
        }
    }

    private static bool TryReadFile(string file, out AgentSettings settings, out string? error)
    {
        settings = new AgentSettings();
        byte[] json;
        try
        {
            json = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read config file {file}: {e.Message}";
            return false;
        }

        if (!TryParse(json, out settings, out error))
        {
            error = $"config file {file}: {error}";
            return false;
        }

        return true;
    }

    private static string Describe(ReadOnlySpan<byte> json, JsonException e)
    {
        string where = $"line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}";
        if (!IsWellFormed(json))
        {
            return $"not valid JSON ({where})";
        }

        if (UnknownKeys.Find(json, SettingsJson.Default.AgentSettings) is { } key)
        {
            return $"unknown key {key}";
        }

        string path = e.Path is { Length: > 2 } p ? p[2..] : "(root)";
        return $"{path} has a value of the wrong type ({where})";
    }

    private static bool IsWellFormed(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
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
