namespace ContainerFactory.Agent.Commands;

/// <summary>Why a command failed: a kind from the closed set and the message sent to the cloud.</summary>
/// <param name="Kind">The failure class; decides the Ditto status.</param>
/// <param name="Message">The error message, e.g. <c>minimum memory allowed is 3M (config.resources.memory)</c>.</param>
/// <param name="Description">Optional detail (e.g. every further validation issue); null when there is none.</param>
public sealed record CommandError(CommandErrorKind Kind, string Message, string? Description = null);
