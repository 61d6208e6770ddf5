using System.Globalization;
using ContainerFactory.Agent.Twin;
using ContainerFactory.Runtime.Containers;
using TaskStatus = ContainerFactory.Runtime.Containerd.TaskStatus;

namespace ContainerFactory.Agent.Containers;

/// <summary>
/// The state of a container derived from containerd alone (its task and the labels the agent keeps), so that the
/// agent needs no database and a restarted agent reports exactly what containerd holds. Pure.
/// </summary>
public static class ContainerStates
{
    /// <summary>Label: <c>stopped</c> or <c>exited</c>, how the last run ended.</summary>
    public const string LastEndLabel = "container-factory/last-end";

    /// <summary>Label: exit code of the last run.</summary>
    public const string ExitCodeLabel = "container-factory/exit-code";

    /// <summary>Label: when the last run ended (RFC 3339).</summary>
    public const string FinishedAtLabel = "container-factory/finished-at";

    /// <summary>Label: <c>true</c> when the last run was killed by the OOM killer.</summary>
    public const string OomKilledLabel = "container-factory/oom-killed";

    /// <summary>The state of <paramref name="info"/>.</summary>
    public static ContainerState From(ContainerInfo info)
    {
        DateTimeOffset? started = Time(info.Label(ContainerKeys.StartedAtLabel));
        switch (info.Task?.Status)
        {
            case TaskStatus.Running:
                return new ContainerState(ContainerStatus.Running, info.Task.Pid, StartedAt: started);
            case TaskStatus.Paused or TaskStatus.Pausing:
                return new ContainerState(ContainerStatus.Paused, info.Task.Pid, StartedAt: started);
            case TaskStatus.Stopped:
                return Ended(ContainerStatus.Exited, info.Task.ExitStatus, started, info.Task.ExitedAt, info.Label(OomKilledLabel) == "true");
        }

        long exitCode = long.TryParse(info.Label(ExitCodeLabel), NumberStyles.Integer, CultureInfo.InvariantCulture, out long code) ? code : 0;
        return info.Label(LastEndLabel) switch
        {
            "stopped" => Ended(ContainerStatus.Stopped, exitCode, started, Time(info.Label(FinishedAtLabel)), false),
            "exited" => Ended(ContainerStatus.Exited, exitCode, started, Time(info.Label(FinishedAtLabel)), info.Label(OomKilledLabel) == "true"),
            _ => new ContainerState(ContainerStatus.Created),
        };
    }

    /// <summary>The labels that record how a run ended.</summary>
    public static Dictionary<string, string> EndLabels(bool stoppedByHand, long exitCode, DateTimeOffset finishedAt, bool oomKilled) => new()
    {
        [LastEndLabel] = stoppedByHand ? "stopped" : "exited",
        [ExitCodeLabel] = exitCode.ToString(CultureInfo.InvariantCulture),
        [FinishedAtLabel] = TwinJson.Timestamp(finishedAt),
        [OomKilledLabel] = oomKilled ? "true" : "false",
        [ContainerKeys.ManuallyStoppedLabel] = stoppedByHand ? "true" : "false",
    };

    private static ContainerState Ended(ContainerStatus status, long exitCode, DateTimeOffset? started, DateTimeOffset? finished, bool oom) =>
        new(status, -1, oom ? "OOM Killed" : "", exitCode, started, finished, oom);

    private static DateTimeOffset? Time(string? text) => TwinJson.ParseTimestamp(text);
}
