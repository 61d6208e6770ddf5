using ContainerFactory.Runtime.Containerd;

namespace ContainerFactory.Runtime.Tests.Images;

/// <summary>An in-memory content store of labels only: answers Info and UpdateLabels and records every call.</summary>
internal sealed class RecordingContentStore : IContentStore
{
    public Dictionary<string, Dictionary<string, string>> Labels { get; } = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    public Task<RuntimeResult<ContentInfo>> InfoAsync(string digest, CancellationToken cancellationToken = default)
    {
        Calls.Add($"Info {digest}");
        return Task.FromResult(Labels.TryGetValue(digest, out var labels)
            ? RuntimeResult<ContentInfo>.Ok(new ContentInfo(digest, 1, new Dictionary<string, string>(labels)))
            : new RuntimeError(RuntimeErrorKind.NotFound, $"content digest {digest}: not found"));
    }

    public Task<RuntimeResult<ContentInfo>> UpdateLabelsAsync(
        string digest, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default)
    {
        Calls.Add($"Update {digest} {string.Join(' ', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))}");
        var stored = Labels.TryGetValue(digest, out var existing) ? existing : Labels[digest] = new(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            stored[key] = value;
        }

        return Task.FromResult(RuntimeResult<ContentInfo>.Ok(new ContentInfo(digest, 1, new Dictionary<string, string>(stored))));
    }

    public Task<RuntimeResult<long>> ReadAsync(string digest, long offset, Stream destination, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<RuntimeResult<byte[]>> ReadAllBytesAsync(string digest, int maxBytes, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<RuntimeResult<IContentWriter>> OpenWriterAsync(string reference, long total, string expected, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<RuntimeResult> DeleteAsync(string digest, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<RuntimeResult> AbortAsync(string reference, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
