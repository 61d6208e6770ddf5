namespace ContainerFactory.Runtime.Registry;

/// <summary>One challenge of a <c>WWW-Authenticate</c> header, e.g. <c>Bearer realm="…",service="…",scope="…"</c>.</summary>
/// <param name="Scheme">The auth scheme as sent (<c>Bearer</c>, <c>Basic</c>); compare case-insensitively.</param>
/// <param name="Parameters">Parameters with lowercase names and unquoted values.</param>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>True for the Bearer scheme.</summary>
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the Basic scheme.</summary>
    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>A parameter's value; null when absent.</summary>
    public string? this[string name] => Parameters.TryGetValue(name, out var value) ? value : null;
}
