using System.Text.Json.Serialization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>The <c>process</c> object: the container's init process.</summary>
public sealed record OciProcess
{
    /// <summary><c>terminal</c>: attach a pseudo terminal; false is omitted (Go <c>omitempty</c>).</summary>
    [JsonPropertyName("terminal")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Terminal { get; init; }

    /// <summary><c>user</c>: always written; uid 0 / gid 0 by default.</summary>
    [JsonPropertyName("user")]
    public OciUser User { get; init; } = new();

    /// <summary><c>args</c>: argv; null = none.</summary>
    [JsonPropertyName("args")]
    public IReadOnlyList<string>? Args { get; init; }

    /// <summary><c>env</c>: <c>KEY=value</c> entries; null = none.</summary>
    [JsonPropertyName("env")]
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary><c>cwd</c>: absolute working directory; always written ("" on an empty spec).</summary>
    [JsonPropertyName("cwd")]
    public string Cwd { get; init; } = "";

    /// <summary><c>capabilities</c>; null = absent.</summary>
    [JsonPropertyName("capabilities")]
    public OciCapabilities? Capabilities { get; init; }

    /// <summary><c>rlimits</c>; null = none.</summary>
    [JsonPropertyName("rlimits")]
    public IReadOnlyList<OciRlimit>? Rlimits { get; init; }

    /// <summary><c>noNewPrivileges</c>; false is omitted.</summary>
    [JsonPropertyName("noNewPrivileges")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NoNewPrivileges { get; init; }

    /// <summary><c>apparmorProfile</c>; null = none (ctr 1.6 sets none).</summary>
    [JsonPropertyName("apparmorProfile")]
    public string? ApparmorProfile { get; init; }

    /// <summary><c>oomScoreAdj</c>; null = inherit.</summary>
    [JsonPropertyName("oomScoreAdj")]
    public int? OomScoreAdj { get; init; }
}
