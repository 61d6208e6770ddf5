namespace ContainerFactory.Config.Containers;

/// <summary>
/// Kanto's three validation patterns (kanto-protocol §3.6) as hand-written predicates with Go regexp semantics:
/// <c>$</c> is the end of the text and <c>.</c> does not match a newline.
/// </summary>
internal static class KantoPatterns
{
    /// <summary><c>^[a-zA-Z0-9_][a-zA-Z0-9_.-]*$</c></summary>
    public static bool IsContainerName(string name)
    {
        if (name.Length == 0 || !IsWordChar(name[0]))
        {
            return false;
        }

        foreach (var c in name.AsSpan(1))
        {
            if (!IsWordChar(c) && c is not '.' and not '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>^[a-zA-Z_]([a-zA-Z0-9_]*)(|=(.*))$</c></summary>
    public static bool IsEnvironmentEntry(string entry)
    {
        if (entry.Length == 0 || !(char.IsAsciiLetter(entry[0]) || entry[0] == '_'))
        {
            return false;
        }

        var i = 1;
        while (i < entry.Length && IsWordChar(entry[i]))
        {
            i++;
        }

        return i == entry.Length || (entry[i] == '=' && !entry.AsSpan(i).Contains('\n'));
    }

    /// <summary><c>^(.+):host_ip(_(.+))?$</c>, the reserved <c>host_ip</c> forms of an extra host.</summary>
    public static bool IsHostIpReservedKey(string extraHost)
    {
        const string key = ":host_ip";
        if (extraHost.Contains('\n'))
        {
            return false;
        }

        // (.+) needs at least one character before the key; try every place the key could start.
        for (var at = 1; at + key.Length <= extraHost.Length; at++)
        {
            if (!extraHost.AsSpan(at).StartsWith(key, StringComparison.Ordinal))
            {
                continue;
            }

            var tail = extraHost.AsSpan(at + key.Length);
            if (tail.IsEmpty || (tail[0] == '_' && tail.Length > 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
