using ContainerFactory.Runtime.Containerd;

namespace ContainerFactory.Runtime.Tests.Containerd;

public sealed class ContainerdClientTests
{
    private static string MissingSocket() => Path.Combine(Path.GetTempPath(), $"cf-missing-{Guid.NewGuid():N}", "containerd.sock");

    [Fact]
    public async Task VersionAsync_SocketMissing_ReturnsNotReachable()
    {
        var socket = MissingSocket();
        using var client = new ContainerdClient(new ContainerdOptions { Socket = socket, CallTimeout = TimeSpan.FromSeconds(5) });

        var result = await client.VersionAsync();

        Assert.Equal(new RuntimeError(RuntimeErrorKind.Unavailable, $"containerd not reachable at {socket}"), result.Error);
    }

    [Fact]
    public async Task NamespacedCall_SocketMissing_ReturnsNotReachable()
    {
        var socket = MissingSocket();
        using var client = new ContainerdClient(new ContainerdOptions { Socket = socket, CallTimeout = TimeSpan.FromSeconds(5) });

        var result = await client.WithLease("1-abcd").Snapshots.StatAsync("sha256:x");

        Assert.Equal(new RuntimeError(RuntimeErrorKind.Unavailable, $"containerd not reachable at {socket}"), result.Error);
    }

    [Fact]
    public async Task VersionAsync_Cancelled_Throws()
    {
        using var client = new ContainerdClient(new ContainerdOptions { Socket = MissingSocket() });
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.VersionAsync(cancelled.Token));
    }

    [Fact]
    public void WithLease_SharesOptionsAndCarriesLease()
    {
        using var client = new ContainerdClient(new ContainerdOptions { Namespace = "cf-test" });

        using var leased = client.WithLease("721390409-QZFJ");

        Assert.Equal("721390409-QZFJ", leased.Lease);
        Assert.Null(client.Lease);
        Assert.Same(client.Options, leased.Options);
    }

    [Fact]
    public void Options_Defaults_MatchProductSpec()
    {
        var options = new ContainerdOptions();

        Assert.Equal(("/run/containerd/containerd.sock", "kanto-cm", "overlayfs", "io.containerd.runc.v2"),
            (options.Socket, options.Namespace, options.Snapshotter, options.Runtime));
        Assert.Equal(TimeSpan.FromSeconds(30), options.CallTimeout);
        Assert.Equal(16 * 1024 * 1024, options.MaxReceiveMessageSize);
    }
}
