namespace ContainerFactory.Protocol.Ditto;

/// <summary>
/// The value of a Ditto error reply, written as <c>{"error","status","message"[,"description"]}</c> in that order
/// (kanto-protocol §2.5; <c>description</c> is Ditto's optional field, used only when there is more to say).
/// </summary>
/// <param name="Code">Ditto error code, e.g. <c>messages:parameter.invalid</c>.</param>
/// <param name="Status">HTTP-like status, e.g. 400.</param>
/// <param name="Message">Human-readable message.</param>
/// <param name="Description">Optional further detail; omitted when null.</param>
public sealed record DittoError(string Code, int Status, string Message, string? Description = null);
