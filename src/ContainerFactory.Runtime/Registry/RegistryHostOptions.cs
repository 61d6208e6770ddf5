namespace ContainerFactory.Runtime.Registry;

/// <summary>Settings of one registry host (the key in <see cref="RegistryClientOptions.Hosts"/>, e.g. <c>docker.io</c>).</summary>
/// <param name="Mirrors">
/// Endpoints tried in order before the host itself, e.g. <c>http://127.0.0.1:5000</c>. A mirror given with
/// <c>http://</c> is plain HTTP, with <c>https://</c> TLS; without a scheme it follows <paramref name="PlainHttp"/>
/// (loopback mirrors are plain HTTP). Requests to a mirror carry <c>?ns=&lt;host&gt;</c>. Empty for none.
/// </param>
/// <param name="PlainHttp">Use http:// for the host (loopback hosts always use it). Default false.</param>
/// <param name="Username">User for basic auth and token requests; null for anonymous.</param>
/// <param name="Password">Password or token; null for anonymous.</param>
public sealed record RegistryHostOptions(IReadOnlyList<string> Mirrors, bool PlainHttp = false, string? Username = null, string? Password = null)
{
    /// <summary>No mirrors, TLS (except loopback), anonymous.</summary>
    public static RegistryHostOptions Default { get; } = new([]);

    /// <summary>True when a username is configured.</summary>
    public bool HasCredentials => !string.IsNullOrEmpty(Username);
}
