namespace ContainerFactory.Runtime.Network;

/// <summary>An extraHosts entry that could not be resolved and is left out of the hosts file (logged, never fatal).</summary>
/// <param name="Entry">The entry as configured, e.g. <c>db:container_db</c>.</param>
/// <param name="Reason">Why, e.g. <c>no bridge-connected container has the host name db</c>.</param>
public sealed record ExtraHostIssue(string Entry, string Reason);
