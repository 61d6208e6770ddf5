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
}
