namespace ContainerFactory.Runtime.Network;

/// <summary>The error object a plugin prints on stdout when it exits non-zero (CNI spec "Error").</summary>
/// <param name="Code">0–99 well-known (1 incompatible version, 2 unsupported field, 3 unknown container, 4 invalid
/// config, 5 decode, 6 parse, 7 invalid environment, 11 try again later), 100+ plugin specific (999 generic).</param>
/// <param name="Msg">Short message.</param>
/// <param name="Details">Longer text; may be absent.</param>
public sealed record CniErrorResponse(int Code, string? Msg, string? Details = null);
