namespace ContainerFactory.Runtime.Images;

/// <summary>The grammar of Docker's reference package (distribution/reference), written as span checks.</summary>
public sealed partial record ImageReference
{
    private const int MaxNameLength = 255;
    private const int MaxTagLength = 128;

    private static string? TryParseCore(string? text, out ImageReference? reference)
    {
        reference = null;
        if (string.IsNullOrEmpty(text))
        {
            return "empty";
        }

        var rest = text;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!ContentDigest.IsValid(digest))
            {
                return "invalid digest";
            }
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!IsTag(tag))
            {
                return "invalid tag";
            }
        }

        var (registry, repository) = SplitRegistry(rest);
        if (!IsRegistry(registry))
        {
            return "invalid registry host";
        }

        if (repository.Any(char.IsAsciiLetterUpper))
        {
            return "repository name must be lowercase";
        }

        if (!IsRepository(repository))
        {
            return "invalid repository name";
        }

        if (registry.Length + 1 + repository.Length > MaxNameLength)
        {
            return $"name longer than {MaxNameLength} characters";
        }

        reference = new ImageReference(registry, repository, tag ?? (digest is null ? DefaultTag : null), digest);
        return null;
    }

    // Docker's rule: the first component is a host when it contains '.' or ':', is "localhost", or has uppercase.
    private static (string Registry, string Repository) SplitRegistry(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (DockerHub, "library/" + name);
        }

        var first = name[..slash];
        var isHost = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal)
            || first == "localhost" || first.Any(char.IsAsciiLetterUpper);
        if (!isHost)
        {
            return (DockerHub, name);
        }

        var registry = first == "index.docker.io" ? DockerHub : first;
        var repository = name[(slash + 1)..];
        if (registry == DockerHub && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        return (registry, repository);
    }

    private static bool IsTag(string tag)
    {
        if (tag.Length is 0 or > MaxTagLength || !IsWordChar(tag[0]))
        {
            return false;
        }

        foreach (var c in tag)
        {
            if (!IsWordChar(c) && c is not '.' and not '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // path-component = [a-z0-9]+ (separator [a-z0-9]+)*, separator = "." | "_" | "__" | "-"+
    private static bool IsRepository(string repository)
    {
        if (repository.Length == 0)
        {
            return false;
        }

        foreach (var component in repository.Split('/'))
        {
            if (!IsPathComponent(component))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPathComponent(string component)
    {
        if (component.Length == 0 || !IsAlnumLower(component[0]) || !IsAlnumLower(component[^1]))
        {
            return false;
        }

        var i = 0;
        while (i < component.Length)
        {
            if (IsAlnumLower(component[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < component.Length && !IsAlnumLower(component[i]))
            {
                i++;
            }

            var separator = component.AsSpan(start, i - start);
            var ok = separator is "." or "_" or "__" || separator.Trim('-').IsEmpty;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlnumLower(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);

    // host = domain-component ("." domain-component)* | "[" ipv6 "]", then optional ":" port digits.
    private static bool IsRegistry(string registry)
    {
        var host = registry;
        if (registry.StartsWith('['))
        {
            var close = registry.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !System.Net.IPAddress.TryParse(registry[1..close], out var ip)
                || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }

            return close == registry.Length - 1 || IsPort(registry[(close + 1)..]);
        }

        var colon = registry.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            host = registry[..colon];
            if (!IsPort(registry[colon..]))
            {
                return false;
            }
        }

        return host.Length > 0 && host.Split('.').All(IsDomainComponent);
    }

    private static bool IsPort(string colonPort) =>
        colonPort.Length > 1 && colonPort[0] == ':' && colonPort.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;

    private static bool IsDomainComponent(string component) =>
        component.Length > 0 && char.IsAsciiLetterOrDigit(component[0]) && char.IsAsciiLetterOrDigit(component[^1])
        && component.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
