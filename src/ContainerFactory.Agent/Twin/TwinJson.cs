using System.Globalization;
using System.Text.Json;
using ContainerFactory.Config.Containers;
using ContainerFactory.Config.Kanto;
using ContainerFactory.Protocol.Ditto;

namespace ContainerFactory.Agent.Twin;

/// <summary>
/// The JSON values of the twin (kanto-protocol §3.1, §4.1, §4.2): the ContainerFactory feature, a Container feature,
/// its state. Member order and omission rules are Kanto's. Pure.
/// </summary>
public static class TwinJson
{
    /// <summary>Writes <c>{"definition":["…:ContainerFactory:1.3.0"]}</c>.</summary>
    public static void WriteFactoryFeature(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("definition");
        w.WriteStringValue(DittoConstants.ContainerFactoryDefinition);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes the full Container feature <c>{"definition":[…],"properties":{"status":{…}}}</c>.</summary>
    public static void WriteContainerFeature(Utf8JsonWriter w, ContainerConfig config, DateTimeOffset createdAt, ContainerState state)
    {
        w.WriteStartObject();
        w.WriteStartArray("definition");
        w.WriteStringValue(DittoConstants.ContainerDefinition);
        w.WriteEndArray();
        w.WriteStartObject("properties");
        w.WritePropertyName("status");
        WriteContainerStatus(w, config, createdAt, state);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes the <c>status</c> property of a Container feature: name, imageRef, config, createdAt, state (§4.1).</summary>
    public static void WriteContainerStatus(Utf8JsonWriter w, ContainerConfig config, DateTimeOffset createdAt, ContainerState state)
    {
        w.WriteStartObject();
        w.WriteString("name", config.Name);
        w.WriteString("imageRef", config.ImageRef);
        w.WritePropertyName("config");
        ContainerConfigJson.Write(w, config);
        w.WriteString("createdAt", Timestamp(createdAt));
        w.WritePropertyName("state");
        WriteState(w, state);
        w.WriteEndObject();
    }

    /// <summary>Writes the state object in Kanto's key order: status, pid, error, exitCode, startedAt, finishedAt, oomKilled.</summary>
    public static void WriteState(Utf8JsonWriter w, ContainerState state)
    {
        w.WriteStartObject();
        w.WriteString("status", state.Status.ToString().ToUpperInvariant());
        if (state.Pid != 0)
        {
            w.WriteNumber("pid", state.Pid);
        }

        if (state.Error.Length > 0)
        {
            w.WriteString("error", state.Error);
        }

        if (state.ExitCode != 0)
        {
            w.WriteNumber("exitCode", state.ExitCode);
        }

        if (state.StartedAt is { } started)
        {
            w.WriteString("startedAt", Timestamp(started));
        }

        if (state.FinishedAt is { } finished)
        {
            w.WriteString("finishedAt", Timestamp(finished));
        }

        if (state.OomKilled)
        {
            w.WriteBoolean("oomKilled", true);
        }

        if (state.Progress is { } progress)
        {
            w.WriteStartObject("progress");
            w.WriteNumber("done", progress.Done);
            w.WriteNumber("total", progress.Total);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>RFC 3339 in UTC as Go's RFC3339Nano writes it: up to 9 fractional digits, trailing zeros dropped.</summary>
    public static string Timestamp(DateTimeOffset time)
    {
        DateTime utc = time.UtcDateTime;
        string fraction = (utc.Ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        string seconds = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return fraction.Length == 0 ? $"{seconds}Z" : $"{seconds}.{fraction}Z";
    }

    /// <summary>
    /// Reads a <see cref="Timestamp"/> back (<c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c>, 1–9 fractional digits, digits past the
    /// 7th dropped). Null for any other text, including offsets other than <c>Z</c>.
    /// </summary>
    public static DateTimeOffset? ParseTimestamp(string? text)
    {
        if (text is not { Length: >= 20 } || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':'
            || text[16] != ':' || text[^1] != 'Z')
        {
            return null;
        }

        long ticks = 0;
        if (text.Length > 20)
        {
            ReadOnlySpan<char> fraction = text.AsSpan(20, text.Length - 21);
            if (text[19] != '.' || fraction.Length is 0 or > 9 || !TryDigits(fraction, out _))
            {
                return null;
            }

            for (int i = 0; i < 7; i++)
            {
                ticks = (ticks * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
            }
        }

        if (!TryDigits(text.AsSpan(0, 4), out int year) || !TryDigits(text.AsSpan(5, 2), out int month)
            || !TryDigits(text.AsSpan(8, 2), out int day) || !TryDigits(text.AsSpan(11, 2), out int hour)
            || !TryDigits(text.AsSpan(14, 2), out int minute) || !TryDigits(text.AsSpan(17, 2), out int second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        return new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks));
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
