namespace ContainerFactory.IntegrationTests.Containers;

/// <summary>What one run of the binary printed and how it exited.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);
