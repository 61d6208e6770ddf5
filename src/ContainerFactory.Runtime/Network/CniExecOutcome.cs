namespace ContainerFactory.Runtime.Network;

/// <summary>What a plugin process did.</summary>
/// <param name="ExitCode">The exit code; -1 when it did not start or was killed.</param>
/// <param name="Stdout">Everything it printed on stdout (the result or error JSON).</param>
/// <param name="Stderr">Everything it printed on stderr (plugins log there), as text.</param>
/// <param name="TimedOut">True when it was killed for passing the deadline.</param>
/// <param name="StartError">Why it could not be started (missing or not executable), or null.</param>
public sealed record CniExecOutcome(int ExitCode, byte[] Stdout, string Stderr, bool TimedOut = false, string? StartError = null);
