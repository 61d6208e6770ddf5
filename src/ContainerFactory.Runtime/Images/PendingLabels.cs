using System.Collections.Concurrent;
using ContainerFactory.Runtime.Containerd;

namespace ContainerFactory.Runtime.Images;

/// <summary>
/// The labels a pull wants on each blob, applied once at its end (before the lease goes): a blob committed by this
/// pull has exactly the labels it was committed with, so only the difference is sent; a blob that was already there is
/// read first (Info) and updated only when something differs, so a re-pull writes nothing. Thread-safe.
/// </summary>
internal sealed class PendingLabels
{
    private readonly ConcurrentDictionary<string, Entry> _blobs = new(StringComparer.Ordinal);

    /// <summary>The blob was committed by this pull with <paramref name="labels"/>.</summary>
    public void Committed(string digest, IReadOnlyDictionary<string, string> labels) => EntryOf(digest).Known = labels;

    /// <summary>The blob was already in the namespace; its labels are unknown.</summary>
    public void Present(string digest) => EntryOf(digest).Known = null;

    public void Want(string digest, IReadOnlyDictionary<string, string> labels)
    {
        var entry = EntryOf(digest);
        lock (entry)
        {
            foreach (var (key, value) in labels)
            {
                entry.Wanted[key] = value;
            }
        }
    }

    public void Want(string digest, string key, string value) => Want(digest, new Dictionary<string, string> { [key] = value });

    /// <summary>Sends the missing labels of every blob; the first failure ends it.</summary>
    public async Task<RuntimeResult> ApplyAsync(IContentStore content, CancellationToken cancellationToken)
    {
        foreach (var (digest, entry) in _blobs)
        {
            if (entry.Wanted.Count == 0)
            {
                continue;
            }

            var existing = entry.Known;
            if (existing is null)
            {
                var info = await content.InfoAsync(digest, cancellationToken).ConfigureAwait(false);
                if (!info.TryGetValue(out var current, out var error))
                {
                    return error;
                }

                existing = current.Labels;
            }

            var changes = ImageLabels.Changes(existing, entry.Wanted);
            if (changes.Count > 0)
            {
                var updated = await content.UpdateLabelsAsync(digest, changes, cancellationToken).ConfigureAwait(false);
                if (!updated.IsSuccess)
                {
                    return updated.Error!;
                }
            }
        }

        return RuntimeResult.Ok;
    }

    private Entry EntryOf(string digest) => _blobs.GetOrAdd(digest, static _ => new Entry());

    private sealed class Entry
    {
        public Dictionary<string, string> Wanted { get; } = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, string>? Known { get; set; }
    }
}
