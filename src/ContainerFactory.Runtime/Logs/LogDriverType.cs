namespace ContainerFactory.Runtime.Logs;

/// <summary>What the log driver does with container output (kanto-protocol §7.6).</summary>
public enum LogDriverType
{
    /// <summary><c>json-file</c>: one JSON object per line in <c>&lt;rootDir&gt;/&lt;id&gt;/json.log</c>, rotated; the default.</summary>
    JsonFile,

    /// <summary><c>none</c>: the pipes are drained and the output discarded.</summary>
    None,
}
