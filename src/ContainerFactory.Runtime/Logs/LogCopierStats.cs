namespace ContainerFactory.Runtime.Logs;

/// <summary>Counters of one <see cref="LogCopier"/>, for tests and the driver's exit summary.</summary>
/// <param name="BytesRead">Bytes read from both pipes.</param>
/// <param name="Entries">Entries (lines or partial lines) handed to the file or the ring buffer; 0 for driver none.</param>
/// <param name="DroppedEntries">Entries the non-blocking ring buffer dropped; always 0 when blocking.</param>
/// <param name="DroppedBytes">Content bytes of the dropped entries.</param>
public sealed record LogCopierStats(long BytesRead, long Entries, long DroppedEntries, long DroppedBytes);
