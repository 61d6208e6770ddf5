namespace ContainerFactory.Protocol.Ditto;

/// <summary>
/// A reply to one command (PRODUCT.md §2.2, kanto-protocol §2.4): the request topic copied, the reply path,
/// the correlation id, the status and an optional value.
/// </summary>
/// <param name="Topic">The request's Ditto topic, copied verbatim.</param>
/// <param name="Path">Outbox path for operation results, the inbox path unchanged for envelope-level errors.</param>
/// <param name="CorrelationId">The request's correlation id (or a generated one when it had none); never empty.</param>
/// <param name="Status">The status, e.g. 200, 204, 400.</param>
/// <param name="Value">The value; none for 204.</param>
public sealed record DittoResponse(string Topic, string Path, string CorrelationId, int Status, DittoValue Value);
