namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>Images and container configs (Kanto <c>config</c> JSON) the recovery tests create.</summary>
internal static class RecoveryConfigs
{
    /// <summary>busybox from the test registry (the docker.io mirror); its shell runs the commands below.</summary>
    public const string Busybox = "docker.io/library/busybox:latest";

    /// <summary>busybox httpd serving CF_WEB_LINE on port 80; it ignores SIGTERM.</summary>
    public const string Web = "docker.io/test/web:latest";

    /// <summary>Runs until stopped; a plain <c>stop</c> (SIGTERM) ends it within a second (PID 1 only gets handled signals).</summary>
    public const string UntilStopped = """["sh","-c","trap 'exit 0' TERM; while true; do sleep 1; done"]""";

    /// <summary>Fails at once with exit code 3.</summary>
    public const string FailsAtOnce = """["sh","-c","exit 3"]""";

    /// <summary>A config with <paramref name="restartPolicy"/> (JSON object) and <paramref name="cmd"/> (JSON array).</summary>
    public static string With(string restartPolicy, string cmd) => $$"""{"restartPolicy":{{restartPolicy}},"cmd":{{cmd}}}""";

    /// <summary>
    /// How much earlier than asked a backoff may end, measured between two wall-clock timestamps: .NET timers count
    /// whole milliseconds of a monotonic tick, so a 400 ms delay can end 399.x ms later on the wall clock.
    /// </summary>
    public const double TimerSlackMs = 2;

    /// <summary>
    /// How much later than asked a backoff may end on a busy machine: the wait seen in the twin also holds the agent's
    /// label writes to containerd and its twin report around the exit and the restart.
    /// </summary>
    public const double LoadSlackMs = 1500;

    /// <summary>A restart policy object of <paramref name="type"/>.</summary>
    public static string Policy(string type) => $$"""{"type":"{{type}}"}""";
}
