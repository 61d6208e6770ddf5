using System.Net;
using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Registry;

/// <summary>Where to send a registry's requests, in order: its mirrors, then the host itself. Pure.</summary>
internal static class RegistryEndpoints
{
    /// <summary>Docker Hub's API endpoint: references say <c>docker.io</c>, the API lives here.</summary>
    public const string DockerHubEndpoint = "registry-1.docker.io";

    public static IReadOnlyList<RegistryEndpoint> For(string registry, RegistryHostOptions host)
    {
        var endpoints = new List<RegistryEndpoint>();
        foreach (var mirror in host.Mirrors)
        {
            if (TryMirror(mirror, host.PlainHttp, out var uri))
            {
                endpoints.Add(new RegistryEndpoint(uri, registry));
            }
        }

        var authority = registry == ImageReference.DockerHub ? DockerHubEndpoint : registry;
        var scheme = host.PlainHttp || IsLoopback(authority) ? "http" : "https";
        endpoints.Add(new RegistryEndpoint(new Uri($"{scheme}://{authority}"), null));
        return endpoints;
    }

    /// <summary>True for <c>localhost</c>, 127.0.0.0/8 and <c>[::1]</c>, with or without a port.</summary>
    public static bool IsLoopback(string authority)
    {
        var host = authority;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? host[1..close] : host;
        }
        else if (host.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            host = host[..colon];
        }

        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    private static bool TryMirror(string mirror, bool plainHttp, out Uri uri)
    {
        var text = mirror.Trim().TrimEnd('/');
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            var authority = text.Split('/')[0];
            text = (plainHttp || IsLoopback(authority) ? "http://" : "https://") + text;
        }

        if (text.EndsWith("/v2", StringComparison.Ordinal))
        {
            text = text[..^3];
        }

        return Uri.TryCreate(text, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
