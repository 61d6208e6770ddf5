using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Tests.Images;

public sealed class PendingLabelsTests
{
    private const string Source = "containerd.io/distribution.source.127.0.0.1";
    private static readonly string Blob = "sha256:" + new string('a', 64);
    private static readonly string Diff = "sha256:" + new string('d', 64);

    [Fact]
    public async Task ApplyAsync_CommittedWithTheWantedLabels_SendsNothing()
    {
        var store = new RecordingContentStore();
        var pending = new PendingLabels();
        pending.Want(Blob, Source, "test/bb");
        pending.Committed(Blob, new Dictionary<string, string> { [Source] = "test/bb" });

        var result = await pending.ApplyAsync(store, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Empty(store.Calls);
    }

    [Fact]
    public async Task ApplyAsync_CommittedThenUnpacked_UpdatesOnlyTheNewLabelWithoutInfo()
    {
        var store = new RecordingContentStore();
        var pending = new PendingLabels();
        pending.Want(Blob, Source, "test/bb");
        pending.Committed(Blob, new Dictionary<string, string> { [Source] = "test/bb" });
        pending.Want(Blob, "containerd.io/uncompressed", Diff);

        await pending.ApplyAsync(store, CancellationToken.None);

        Assert.Equal([$"Update {Blob} containerd.io/uncompressed={Diff}"], store.Calls);
    }

    [Fact]
    public async Task ApplyAsync_PresentBlobWithEveryLabel_ReadsInfoAndWritesNothing()
    {
        var store = new RecordingContentStore();
        store.Labels[Blob] = new() { [Source] = "library/busybox,test/bb", ["containerd.io/uncompressed"] = Diff };
        var pending = new PendingLabels();
        pending.Want(Blob, Source, "test/bb");
        pending.Present(Blob);
        pending.Want(Blob, "containerd.io/uncompressed", Diff);

        await pending.ApplyAsync(store, CancellationToken.None);

        Assert.Equal([$"Info {Blob}"], store.Calls);
    }

    [Fact]
    public async Task ApplyAsync_PresentBlobFromAnotherRepository_MergesTheSource()
    {
        var store = new RecordingContentStore();
        store.Labels[Blob] = new() { [Source] = "test/bb" };
        var pending = new PendingLabels();
        pending.Want(Blob, Source, "library/busybox");
        pending.Present(Blob);

        await pending.ApplyAsync(store, CancellationToken.None);

        Assert.Equal([$"Info {Blob}", $"Update {Blob} {Source}=library/busybox,test/bb"], store.Calls);
    }

    [Fact]
    public async Task ApplyAsync_PresentBlobGone_ReturnsTheInfoError()
    {
        var store = new RecordingContentStore();
        var pending = new PendingLabels();
        pending.Want(Blob, Source, "test/bb");
        pending.Present(Blob);

        var result = await pending.ApplyAsync(store, CancellationToken.None);

        Assert.Equal(RuntimeErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal($"content digest {Blob}: not found", result.Error.Message);
    }
}
