namespace ContainerFactory.Agent.Commands;

/// <summary>The closed set of failures a command can end in; <see cref="DittoStatusTable"/> maps each to a Ditto status.</summary>
public enum CommandErrorKind
{
    /// <summary>Bad envelope, header or value type (400).</summary>
    InvalidParameter,

    /// <summary>The container config breaks a validation rule (400; Kanto sends 500).</summary>
    InvalidConfig,

    /// <summary>Unknown thing, operation or handler (404).</summary>
    NotFound,

    /// <summary>The image cannot be had: not in the registry, auth refused, decryption key missing (500).</summary>
    ImageUnavailable,

    /// <summary>containerd cannot be reached (503).</summary>
    RuntimeUnavailable,

    /// <summary>Anything else that failed while executing (500).</summary>
    Failed,
}
