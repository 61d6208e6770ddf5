namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>One line of <c>ctr tasks ls</c>.</summary>
/// <param name="Pid">The init process id.</param>
/// <param name="Status">RUNNING, STOPPED, PAUSED, CREATED.</param>
internal sealed record TaskRow(long Pid, string Status);
