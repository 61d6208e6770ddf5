namespace ContainerFactory.Runtime.Registry;

/// <summary>One place to ask for a registry's content: a mirror or the registry's own API endpoint.</summary>
/// <param name="BaseUri">Scheme and authority (plus a path prefix for mirrors that have one), without <c>/v2</c>.</param>
/// <param name="Namespace">For a mirror, the registry it stands in for (sent as <c>?ns=</c>); null for the host itself.</param>
internal sealed record RegistryEndpoint(Uri BaseUri, string? Namespace)
{
    /// <summary>Key for remembered auth challenges.</summary>
    public string Authority => BaseUri.Authority;

    /// <summary><c>{base}/v2/{repository}/{kind}/{reference}[?ns=…]</c>.</summary>
    public Uri Url(string repository, string kind, string reference)
    {
        var path = $"{BaseUri.AbsoluteUri.TrimEnd('/')}/v2/{repository}/{kind}/{reference}";
        return new Uri(Namespace is null ? path : $"{path}?ns={Uri.EscapeDataString(Namespace)}");
    }
}
