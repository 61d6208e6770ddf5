namespace ContainerFactory.Agent.Settings;

/// <summary>Logging settings.</summary>
/// <param name="Level"><c>debug</c>, <c>info</c> (default), <c>warn</c> or <c>error</c>.</param>
public sealed record LogSettings(
    string Level = "info");
