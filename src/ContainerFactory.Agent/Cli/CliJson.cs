using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContainerFactory.Agent.Cli;

/// <summary>How the command line prints JSON for people: indented, ids and texts as they are (e.g. <c>&lt;UUID&gt;</c>).</summary>
internal static class CliJson
{
    /// <summary>Indented output with relaxed (still valid) escaping.</summary>
    public static readonly JsonWriterOptions Pretty = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
