using ContainerFactory.Config.Containers;

namespace ContainerFactory.Config.Kanto;

/// <summary>
/// Wire spellings of the config enums. Parsing accepts, case-insensitively, both Kanto's constant
/// (<c>UNLESS_STOPPED</c>) and the Docker spelling (<c>unless-stopped</c>); "" is never accepted here
/// (callers apply the default). <c>Report</c> gives the uppercase name Kanto reports in <c>status.config</c>;
/// port protocols are reported lowercase as Kanto passes them through.
/// </summary>
public static class KantoNames
{
    private static readonly (NetworkMode Value, string Constant, string Docker)[] NetworkModes =
        [(NetworkMode.Bridge, "BRIDGE", "bridge"), (NetworkMode.Host, "HOST", "host")];

    private static readonly (RestartPolicyKind Value, string Constant, string Docker)[] RestartPolicyKinds =
    [
        (RestartPolicyKind.No, "NO", "no"),
        (RestartPolicyKind.Always, "ALWAYS", "always"),
        (RestartPolicyKind.OnFailure, "ON_FAILURE", "on-failure"),
        (RestartPolicyKind.UnlessStopped, "UNLESS_STOPPED", "unless-stopped"),
    ];

    private static readonly (LogDriver Value, string Constant, string Docker)[] LogDrivers =
        [(LogDriver.JsonFile, "JSON_FILE", "json-file"), (LogDriver.None, "NONE", "none")];

    private static readonly (LogMode Value, string Constant, string Docker)[] LogModes =
        [(LogMode.Blocking, "BLOCKING", "blocking"), (LogMode.NonBlocking, "NON_BLOCKING", "non-blocking")];

    private static readonly (PropagationMode Value, string Constant, string Docker)[] PropagationModes =
    [
        (PropagationMode.RPrivate, "RPRIVATE", "rprivate"),
        (PropagationMode.Private, "PRIVATE", "private"),
        (PropagationMode.RShared, "RSHARED", "rshared"),
        (PropagationMode.Shared, "SHARED", "shared"),
        (PropagationMode.RSlave, "RSLAVE", "rslave"),
        (PropagationMode.Slave, "SLAVE", "slave"),
    ];

    private static readonly (PortProtocol Value, string Constant, string Docker)[] PortProtocols =
        [(PortProtocol.Tcp, "TCP", "tcp"), (PortProtocol.Udp, "UDP", "udp")];

    /// <summary>Parses <c>bridge</c>/<c>host</c> in any case.</summary>
    public static bool TryParse(string? text, out NetworkMode value) => TryMatch(text, NetworkModes, out value);

    /// <summary>Parses <c>no, always, on-failure, unless-stopped</c> or the constants <c>NO, ALWAYS, ON_FAILURE, UNLESS_STOPPED</c>, in any case.</summary>
    public static bool TryParse(string? text, out RestartPolicyKind value) => TryMatch(text, RestartPolicyKinds, out value);

    /// <summary>Parses <c>json-file</c>/<c>JSON_FILE</c> and <c>none</c>, in any case.</summary>
    public static bool TryParse(string? text, out LogDriver value) => TryMatch(text, LogDrivers, out value);

    /// <summary>Parses <c>blocking</c> and <c>non-blocking</c>/<c>NON_BLOCKING</c>, in any case.</summary>
    public static bool TryParse(string? text, out LogMode value) => TryMatch(text, LogModes, out value);

    /// <summary>Parses the six propagation modes in any case (unlike Kanto, lowercase <c>shared</c> is shared, PRODUCT.md §2.3).</summary>
    public static bool TryParse(string? text, out PropagationMode value) => TryMatch(text, PropagationModes, out value);

    /// <summary>Parses <c>tcp</c>/<c>udp</c> in any case.</summary>
    public static bool TryParse(string? text, out PortProtocol value) => TryMatch(text, PortProtocols, out value);

    /// <summary>Reported name: <c>BRIDGE</c> or <c>HOST</c>.</summary>
    public static string Report(NetworkMode value) => Find(NetworkModes, value).Constant;

    /// <summary>Reported name: <c>NO, ALWAYS, ON_FAILURE, UNLESS_STOPPED</c>.</summary>
    public static string Report(RestartPolicyKind value) => Find(RestartPolicyKinds, value).Constant;

    /// <summary>Reported name: <c>JSON_FILE</c> or <c>NONE</c>.</summary>
    public static string Report(LogDriver value) => Find(LogDrivers, value).Constant;

    /// <summary>Reported name: <c>BLOCKING</c> or <c>NON_BLOCKING</c>.</summary>
    public static string Report(LogMode value) => Find(LogModes, value).Constant;

    /// <summary>Reported name: <c>RPRIVATE, PRIVATE, RSHARED, SHARED, RSLAVE, SLAVE</c>.</summary>
    public static string Report(PropagationMode value) => Find(PropagationModes, value).Constant;

    /// <summary>Reported name: <c>tcp</c> or <c>udp</c> (lowercase, as Kanto passes it through).</summary>
    public static string Report(PortProtocol value) => Find(PortProtocols, value).Docker;

    /// <summary>Docker spelling of a restart policy (<c>unless-stopped</c>), as Kanto's messages name it.</summary>
    public static string Docker(RestartPolicyKind value) => Find(RestartPolicyKinds, value).Docker;

    private static bool TryMatch<T>(string? text, (T Value, string Constant, string Docker)[] table, out T value)
        where T : struct, Enum
    {
        foreach (var entry in table)
        {
            if (string.Equals(text, entry.Constant, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(text, entry.Docker, StringComparison.OrdinalIgnoreCase))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static (T Value, string Constant, string Docker) Find<T>((T Value, string Constant, string Docker)[] table, T value)
        where T : struct, Enum
    {
        foreach (var entry in table)
        {
            if (EqualityComparer<T>.Default.Equals(entry.Value, value))
            {
                return entry;
            }
        }

        // Only reachable with a value cast from an undefined integer: a bug in the caller.
        throw new ArgumentOutOfRangeException(nameof(value), value, "undefined enum value");
    }
}
