namespace ContainerFactory.Runtime.Network;

/// <summary>
/// The process boundary of CNI: runs one plugin binary. <see cref="ProcessCniPluginRunner"/> is the real one; tests
/// use a recording fake.
/// </summary>
public interface ICniPluginRunner
{
    /// <summary>
    /// Runs the plugin to completion or to its deadline. Failures to start and timeouts are reported in the outcome,
    /// never thrown; only cancellation of <paramref name="cancellationToken"/> throws (after killing the process).
    /// </summary>
    Task<CniExecOutcome> RunAsync(CniExecRequest request, CancellationToken cancellationToken);
}
