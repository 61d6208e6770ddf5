using ContainerFactory.Runtime.Images;

namespace ContainerFactory.Runtime.Tests.Images;

public sealed class PullTrackerTests
{
    private static readonly Descriptor Root = new(MediaTypes.OciManifest, "sha256:" + new string('1', 64), 500);
    private static readonly Descriptor Layer = new("application/vnd.oci.image.layer.v1.tar+gzip", "sha256:" + new string('2', 64), 3000);
    private static readonly Descriptor Config = new(MediaTypes.OciConfig, "sha256:" + new string('3', 64), 200);

    [Fact]
    public void Events_DownloadAndSkip_ReportBytesDoneOverTotalInOrder()
    {
        var reports = new List<PullProgress>();
        var tracker = new PullTracker(new SynchronousProgress(reports.Add));

        tracker.Resolved(Root);
        tracker.Skipped(Root, PullStage.Present);
        tracker.Expect(Layer.Size + Config.Size);
        tracker.Skipped(Config, PullStage.Shared);
        tracker.Resumed(1000);
        tracker.Received(Layer, 2000);
        tracker.Downloaded(Layer);
        tracker.Unpacked(Layer, "sha256:chain", applied: true);

        Assert.Equal(
            [
                (PullStage.Resolved, 0L, 500L), (PullStage.Present, 500L, 500L), (PullStage.Shared, 700L, 3700L),
                (PullStage.Downloading, 3700L, 3700L), (PullStage.Downloaded, 3700L, 3700L), (PullStage.Unpacked, 3700L, 3700L),
            ],
            reports.Select(r => (r.Stage, r.BytesDone, r.BytesTotal)));
        Assert.Equal("sha256:chain", reports[^1].ChainId);
        Assert.Equal((2000L, 1, 1), (tracker.BytesFetched, tracker.BlobsFetched, tracker.LayersUnpacked));
    }

    [Fact]
    public void Unpacked_SnapshotExisted_ReportsAlreadyUnpackedAndCountsNothing()
    {
        var reports = new List<PullProgress>();
        var tracker = new PullTracker(new SynchronousProgress(reports.Add));

        tracker.Unpacked(Layer, "sha256:chain", applied: false);

        Assert.Equal(PullStage.AlreadyUnpacked, Assert.Single(reports).Stage);
        Assert.Equal(0, tracker.LayersUnpacked);
    }

    /// <summary>Unlike <see cref="Progress{T}"/>, reports on the calling thread, in order.</summary>
    private sealed class SynchronousProgress(Action<PullProgress> report) : IProgress<PullProgress>
    {
        public void Report(PullProgress value) => report(value);
    }
}
