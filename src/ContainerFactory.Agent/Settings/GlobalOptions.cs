namespace ContainerFactory.Agent.Settings;

/// <summary>
/// The flags every subcommand accepts (PRODUCT.md §4); each overrides the configuration file. Null = not given.
/// </summary>
public sealed record GlobalOptions
{
    /// <summary>The flags and their help lines, for every subcommand's <c>--help</c>.</summary>
    public const string Help = """
        Global options (override the configuration file):
          --config FILE              configuration file (default /etc/container-factory/config.json when it exists)
          --broker URL               MQTT broker (default tcp://localhost:1883)
          --thing-id ID              thing served (default <device-id>:edge:containers)
          --device-id ID             device id (default: learned from the connector)
          --tenant-id ID             tenant id (default: learned from the connector)
          --containerd-socket PATH   containerd socket (default /run/containerd/containerd.sock)
          --namespace NAME           containerd namespace (default kanto-cm)
          --state-dir DIR            state folder (default /var/lib/container-factory)
          --log-level LEVEL          debug, info, warn or error (default info)

        """;

    /// <summary><c>--config FILE</c>.</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--broker URL</c>.</summary>
    public string? Broker { get; init; }

    /// <summary><c>--thing-id ID</c>.</summary>
    public string? ThingId { get; init; }

    /// <summary><c>--device-id ID</c>.</summary>
    public string? DeviceId { get; init; }

    /// <summary><c>--tenant-id ID</c>.</summary>
    public string? TenantId { get; init; }

    /// <summary><c>--containerd-socket PATH</c>.</summary>
    public string? ContainerdSocket { get; init; }

    /// <summary><c>--namespace NAME</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary><c>--state-dir DIR</c>.</summary>
    public string? StateDir { get; init; }

    /// <summary><c>--log-level LEVEL</c>.</summary>
    public string? LogLevel { get; init; }

    /// <summary>
    /// Takes the global flags out of <paramref name="args"/> (anywhere on the line, as <c>--flag value</c> or
    /// <c>--flag=value</c>); the other arguments are returned in order. False when a flag lacks its value.
    /// </summary>
    public static bool TryExtract(string[] args, out GlobalOptions options, out string[] rest, out string? error)
    {
        options = new GlobalOptions();
        var others = new List<string>();
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string flag = arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? arg[..equals] : arg;
            if (!IsGlobal(flag))
            {
                others.Add(arg);
                continue;
            }

            string? value = equals > 0 && flag.Length < arg.Length ? arg[(equals + 1)..] : i + 1 < args.Length ? args[++i] : null;
            if (string.IsNullOrEmpty(value))
            {
                error = $"{flag} needs a value";
                break;
            }

            options = With(options, flag, value);
        }

        rest = [.. others];
        return error is null;
    }

    /// <summary>The settings with every given flag applied on top.</summary>
    public AgentSettings ApplyTo(AgentSettings settings) => settings with
    {
        Mqtt = Broker is null ? settings.Mqtt : settings.Mqtt with { Broker = Broker },
        Identity = settings.Identity with
        {
            ThingId = ThingId ?? settings.Identity.ThingId,
            DeviceId = DeviceId ?? settings.Identity.DeviceId,
            TenantId = TenantId ?? settings.Identity.TenantId,
        },
        Containerd = settings.Containerd with
        {
            Socket = ContainerdSocket ?? settings.Containerd.Socket,
            Namespace = Namespace ?? settings.Containerd.Namespace,
        },
        Paths = StateDir is null ? settings.Paths : settings.Paths with { State = StateDir },
        Log = LogLevel is null ? settings.Log : settings.Log with { Level = LogLevel },
    };

    private static bool IsGlobal(string flag) => flag is "--config" or "--broker" or "--thing-id" or "--device-id"
        or "--tenant-id" or "--containerd-socket" or "--namespace" or "--state-dir" or "--log-level";

    private static GlobalOptions With(GlobalOptions o, string flag, string value) => flag switch
    {
        "--config" => o with { ConfigFile = value },
        "--broker" => o with { Broker = value },
        "--thing-id" => o with { ThingId = value },
        "--device-id" => o with { DeviceId = value },
        "--tenant-id" => o with { TenantId = value },
        "--containerd-socket" => o with { ContainerdSocket = value },
        "--namespace" => o with { Namespace = value },
        "--state-dir" => o with { StateDir = value },
        _ => o with { LogLevel = value },
    };
}
