namespace ContainerFactory.Agent.Settings;

/// <summary>Settings of one registry host.</summary>
/// <param name="Mirrors">Mirror endpoints tried in order before the host itself (an <c>http://</c> mirror is plain HTTP). Default none.</param>
/// <param name="PlainHttp">Talk plain HTTP to the host itself. Default false (loopback hosts are always plain HTTP).</param>
/// <param name="Username">User name for basic or token auth; empty (default) for anonymous.</param>
/// <param name="Password">Password of <paramref name="Username"/>. Default empty.</param>
public sealed record RegistrySettings(
    IReadOnlyList<string>? Mirrors = null,
    bool PlainHttp = false,
    string Username = "",
    string Password = "")
{
    /// <summary>Mirror endpoints tried in order before the host itself. Default none.</summary>
    public IReadOnlyList<string> Mirrors { get; init; } = Mirrors ?? [];
}
