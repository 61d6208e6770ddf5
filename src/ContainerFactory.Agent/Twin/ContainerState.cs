namespace ContainerFactory.Agent.Twin;

/// <summary>The <c>status.state</c> object of a Container feature (kanto-protocol §4.1), with the pull progress we add.</summary>
/// <param name="Status">The status.</param>
/// <param name="Pid">Process id; -1 when not running (written), 0 omitted.</param>
/// <param name="Error">Stop/exit error, e.g. <c>OOM Killed</c>; omitted when empty.</param>
/// <param name="ExitCode">Exit code; omitted when 0.</param>
/// <param name="StartedAt">Start time; omitted when null.</param>
/// <param name="FinishedAt">Finish time; omitted when null.</param>
/// <param name="OomKilled">Killed by the OOM killer; omitted when false.</param>
/// <param name="Progress">Pull progress while <see cref="ContainerStatus.Creating"/>; omitted when null.</param>
public sealed record ContainerState(
    ContainerStatus Status,
    long Pid = -1,
    string Error = "",
    long ExitCode = 0,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    bool OomKilled = false,
    PullProgressValue? Progress = null);

/// <summary>Bytes of an image pull done so far and in all.</summary>
/// <param name="Done">Bytes fetched or found present.</param>
/// <param name="Total">Bytes in all (known once the manifest is read).</param>
public sealed record PullProgressValue(long Done, long Total);
