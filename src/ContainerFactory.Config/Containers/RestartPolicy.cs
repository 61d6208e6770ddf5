namespace ContainerFactory.Config.Containers;

/// <summary>The restart policy of a container (kanto-protocol §3.4, §7.5).</summary>
/// <param name="Kind">When to restart; default <see cref="RestartPolicyKind.UnlessStopped"/>.</param>
/// <param name="MaxRetryCount">For <see cref="RestartPolicyKind.OnFailure"/>: maximum restarts, ≥ 0, 0 = unlimited; always 0 for every other kind.</param>
/// <param name="RetryTimeoutSeconds">Used only by <see cref="RestartPolicyKind.OnFailure"/>: upper bound of the restart backoff in whole seconds (a fraction is truncated), ≥ 0 for on-failure; 0 = the runtime's default (1 min).</param>
public sealed record RestartPolicy(RestartPolicyKind Kind, long MaxRetryCount, long RetryTimeoutSeconds)
{
    /// <summary>The policy used when the request has none: <c>unless-stopped</c>, no retry count, no timeout.</summary>
    public static RestartPolicy Default { get; } = new(RestartPolicyKind.UnlessStopped, 0, 0);
}
