namespace ContainerFactory.Config.Containers;

/// <summary>Where container output goes (kanto-protocol §3.4 <c>log.type</c>).</summary>
public enum LogDriver
{
    /// <summary><c>json-file</c>: rotated JSON-lines files; the default.</summary>
    JsonFile,

    /// <summary><c>none</c>: output is discarded.</summary>
    None,
}
