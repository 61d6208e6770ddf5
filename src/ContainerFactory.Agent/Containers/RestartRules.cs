using ContainerFactory.Config.Containers;

namespace ContainerFactory.Agent.Containers;

/// <summary>
/// Restart policies (PRODUCT.md §3, kanto-protocol §7.5) as pure rules. Unlike Kanto, <c>always</c> respects a manual
/// stop until the next start (Docker semantics).
/// </summary>
public static class RestartRules
{
    /// <summary>The first restart delay.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest delay when the policy gives no retry timeout.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromMinutes(1);

    /// <summary>A run at least this long resets the backoff to <see cref="FirstDelay"/>.</summary>
    public static readonly TimeSpan ResetUptime = TimeSpan.FromSeconds(10);

    /// <summary>Whether a container that ended with <paramref name="exitCode"/> is started again.</summary>
    /// <param name="policy">The container's restart policy.</param>
    /// <param name="exitCode">The exit code of the run that ended.</param>
    /// <param name="manuallyStopped">True when a stop command ended the run.</param>
    /// <param name="restarts">Restarts done so far by the policy (reset by a manual start).</param>
    public static bool ShouldRestart(RestartPolicy policy, long exitCode, bool manuallyStopped, long restarts) =>
        !manuallyStopped && policy.Kind switch
        {
            RestartPolicyKind.Always or RestartPolicyKind.UnlessStopped => true,
            RestartPolicyKind.OnFailure => exitCode != 0 && (policy.MaxRetryCount == 0 || restarts < policy.MaxRetryCount),
            _ => false,
        };

    /// <summary>
    /// The delay before the next restart: <see cref="FirstDelay"/> after a run of at least <see cref="ResetUptime"/>
    /// (or the first time, or after an immediate restart at recovery), else the previous delay doubled, at most the
    /// retry timeout (1 min when 0).
    /// </summary>
    public static TimeSpan NextDelay(TimeSpan? previous, TimeSpan uptime, RestartPolicy policy)
    {
        if (previous is null || previous < FirstDelay || uptime >= ResetUptime)
        {
            return FirstDelay;
        }

        TimeSpan max = policy.RetryTimeoutSeconds > 0 ? TimeSpan.FromSeconds(policy.RetryTimeoutSeconds) : DefaultMaxDelay;
        TimeSpan doubled = previous.Value * 2;
        return doubled < max ? doubled : max;
    }
}
