namespace ContainerFactory.Agent.Settings;

/// <summary>Settings of one registry host.</summary>
public sealed record RegistrySettings
{
    /// <summary>Mirror endpoints tried in order before the host itself (an <c>http://</c> mirror is plain HTTP). Default none.</summary>
    public IReadOnlyList<string> Mirrors { get; init; } = [];

    /// <summary>Talk plain HTTP to the host itself. Default false (loopback hosts are always plain HTTP).</summary>
    public bool PlainHttp { get; init; }

    /// <summary>User name for basic or token auth; empty (default) for anonymous.</summary>
    public string Username { get; init; } = "";

    /// <summary>Password of <see cref="Username"/>. Default empty.</summary>
    public string Password { get; init; } = "";
}
