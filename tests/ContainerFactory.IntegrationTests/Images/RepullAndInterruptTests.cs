using ContainerFactory.IntegrationTests.Support;
using ContainerFactory.Runtime;
using ContainerFactory.Runtime.Images;

namespace ContainerFactory.IntegrationTests.Images;

/// <summary>What a second pull costs, and what an interrupted pull leaves behind (nothing).</summary>
public sealed class RepullAndInterruptTests(ContainerdNamespace ns) : IClassFixture<ContainerdNamespace>
{
    private static TestEnvironment Env => TestEnvironment.Current;

    private static ImageReference Ref(string text) => ImageReference.Parse(text).Value;

    [Fact]
    public async Task PullAsync_CompleteImageAgain_OnlyHeadsTheManifestAndWritesNothing()
    {
        var unique = await UniqueImage.PushAsync(256 * 1024);
        await using var proxy = new RegistryProxy(Env.Registry);
        var reference = Ref(unique.Reference.Replace(Env.Registry, proxy.Authority, StringComparison.Ordinal));
        var first = (await ns.Puller().PullAsync(reference)).Value;
        var before = await InfosAsync(first);
        proxy.Requests.Clear();

        var result = await ns.Puller().PullAsync(reference);

        Assert.True(result.TryGetValue(out var again, out var error), error?.Message);
        Assert.Equal((3, 1), (first.BlobsFetched, first.LayersUnpacked));
        Assert.Equal((0L, 0, 0), (again.BytesFetched, again.BlobsFetched, again.LayersUnpacked));
        Assert.Equal(first.Target, again.Target);
        var request = Assert.Single(proxy.Requests);
        Assert.Equal(("HEAD", $"/v2/{reference.Repository}/manifests/latest"), (request.Method, request.Path));
        Assert.Equal(before, await InfosAsync(again));
        Assert.Empty((await ns.Client.Leases.ListAsync()).Value);
    }

    [Fact]
    public async Task PullAsync_CancelledMidLayer_LeavesNoLeaseIngestSnapshotOrRecordAndALaterPullSucceeds()
    {
        var unique = await UniqueImage.PushAsync(3 * 1024 * 1024);
        await using var proxy = new RegistryProxy(Env.Registry);
        var reference = Ref(unique.Reference.Replace(Env.Registry, proxy.Authority, StringComparison.Ordinal));
        proxy.StallBlob(unique.Layer.Digest, 1536 * 1024);
        using var cancel = new CancellationTokenSource();
        var pull = ns.Puller().PullAsync(reference, cancellationToken: cancel.Token);
        await proxy.Stalled.WaitAsync(TimeSpan.FromSeconds(30));
        await WaitForIngestAsync($"layer-{unique.Layer.Digest}");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pull);
        Assert.Empty((await ns.Client.Leases.ListAsync()).Value);
        Assert.Equal(RuntimeErrorKind.NotFound, (await ns.Client.Images.GetAsync(reference.ToString())).Error!.Kind);
        Assert.DoesNotContain(unique.Layer.Digest, await Ctr.CheckedAsync(ns.Name, "content", "active"), StringComparison.Ordinal);
        foreach (var blob in (string[])[unique.Manifest.Digest, unique.Config.Digest, unique.Layer.Digest])
        {
            Assert.Equal(RuntimeErrorKind.NotFound, (await ns.Client.Content.InfoAsync(blob)).Error!.Kind);
        }

        Assert.Equal(RuntimeErrorKind.NotFound, (await ns.Client.Snapshots.StatAsync(unique.DiffId)).Error!.Kind);
        proxy.ReleaseStall();
        var retried = await ns.Puller().PullAsync(reference);
        Assert.True(retried.TryGetValue(out var image, out var error), error?.Message);
        Assert.Equal(unique.DiffId, image.TopChainId);
        Assert.True((await new ImageCatalog(ns.Client).IsUnpackedAsync(image.Name)).Value);
    }

    [Fact]
    public async Task PullAsync_SameImageTwiceAtOnce_SecondWaitsForTheIngestLockAndReusesTheBlob()
    {
        var unique = await UniqueImage.PushAsync(1024 * 1024);
        await using var proxy = new RegistryProxy(Env.Registry);
        var reference = Ref(unique.Reference.Replace(Env.Registry, proxy.Authority, StringComparison.Ordinal));
        proxy.SlowBlob(unique.Layer.Digest, TimeSpan.FromMilliseconds(60));
        var first = ns.Puller().PullAsync(reference);
        await WaitForIngestAsync($"layer-{unique.Layer.Digest}");
        using var logging = new RecordingLoggerFactory();

        var second = await ns.Puller(logging: logging).PullAsync(reference);

        Assert.True(second.TryGetValue(out var secondImage, out var error), error?.Message);
        Assert.True((await first).TryGetValue(out var firstImage, out error), error?.Message);
        Assert.Equal(firstImage.Target, secondImage.Target);
        Assert.Equal(unique.Layer.Size, firstImage.BytesFetched - unique.Config.Size - unique.Manifest.Size);
        Assert.Single(proxy.Requests, r => r.Method == "GET" && r.Path.EndsWith(unique.Layer.Digest, StringComparison.Ordinal));
        Assert.Contains(logging.Events, e => e.Id.Id == 1203 && e.Message.StartsWith($"ingest layer-{unique.Layer.Digest} is locked", StringComparison.Ordinal));
        Assert.True((await new ImageCatalog(ns.Client).IsUnpackedAsync(reference.ToString())).Value);
        Assert.Empty((await ns.Client.Leases.ListAsync()).Value);
    }

    [Fact]
    public async Task PullAsync_PartialIngestLeftBehind_ResumesWithRangeFromItsOffset()
    {
        var unique = await UniqueImage.PushAsync(2 * 1024 * 1024);
        const int Written = 1024 * 1024;
        var opened = await ns.Client.Content.OpenWriterAsync($"layer-{unique.Layer.Digest}", unique.Layer.Size, unique.Layer.Digest);
        await using (var writer = opened.Value)
        {
            Assert.True((await writer.WriteAsync(unique.LayerBytes.AsMemory(0, Written))).IsSuccess);
        }

        await using var proxy = new RegistryProxy(Env.Registry);
        var reference = Ref(unique.Reference.Replace(Env.Registry, proxy.Authority, StringComparison.Ordinal));

        var result = await ns.Puller().PullAsync(reference);

        Assert.True(result.TryGetValue(out var image, out var error), error?.Message);
        var layerGet = Assert.Single(proxy.Requests, r => r.Method == "GET" && r.Path.EndsWith(unique.Layer.Digest, StringComparison.Ordinal));
        Assert.Equal((206, $"bytes={Written}-"), (layerGet.Status, layerGet.Range));
        Assert.Equal(unique.Manifest.Size + unique.Config.Size + unique.Layer.Size - Written, image.BytesFetched);
        Assert.Equal(unique.DiffId, image.TopChainId);
    }

    /// <summary>(digest, size, labels, updated) of every blob: unchanged when nothing was written.</summary>
    private async Task<string[]> InfosAsync(PulledImage image)
    {
        var infos = new List<string>();
        foreach (var blob in (Descriptor[])[image.Manifest, image.Config, .. image.Layers])
        {
            var info = (await ns.Client.Content.InfoAsync(blob.Digest)).Value;
            var labels = string.Join(',', info.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
            infos.Add($"{info.Digest} {info.Size} {info.UpdatedAt:O} {labels}");
        }

        return [.. infos];
    }

    /// <summary>Waits until containerd reports the ingest (the first MiB has been written into it).</summary>
    private async Task WaitForIngestAsync(string reference)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await Ctr.CheckedAsync(ns.Name, "content", "active")).Contains(reference, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"ingest {reference} never became active");
    }
}
