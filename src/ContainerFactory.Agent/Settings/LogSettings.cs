namespace ContainerFactory.Agent.Settings;

/// <summary>Logging settings.</summary>
public sealed record LogSettings
{
    /// <summary><c>debug</c>, <c>info</c> (default), <c>warn</c> or <c>error</c>.</summary>
    public string Level { get; init; } = "info";
}
