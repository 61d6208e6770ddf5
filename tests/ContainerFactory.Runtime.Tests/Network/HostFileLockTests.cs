using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

/// <summary>The lock is an flock: a second open file of the same path conflicts even within one process.</summary>
public sealed class HostFileLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cf-lock-").FullName;

    private string LockPath => Path.Combine(_directory, "cni", "lock");

    [Fact]
    public async Task AcquireAsync_Free_CreatesTheFileAndHoldsItUntilDisposed()
    {
        RuntimeResult<IDisposable> first = await HostFileLock.AcquireAsync(LockPath, TimeSpan.FromSeconds(5), CancellationToken.None);
        RuntimeResult<IDisposable> second = await HostFileLock.AcquireAsync(LockPath, TimeSpan.FromMilliseconds(50), CancellationToken.None);
        first.Value.Dispose();
        RuntimeResult<IDisposable> third = await HostFileLock.AcquireAsync(LockPath, TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.True(File.Exists(LockPath));
        Assert.Equal(RuntimeErrorKind.Unavailable, second.Error?.Kind);
        Assert.StartsWith($"cannot lock {LockPath} within 0 s: ", second.Error?.Message, StringComparison.Ordinal);
        Assert.True(third.IsSuccess, third.ToString());
        third.Value.Dispose();
    }

    [Fact]
    public async Task AcquireAsync_HeldElsewhere_WaitsUntilReleased()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
        var other = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        Task<RuntimeResult<IDisposable>> waiting = HostFileLock.AcquireAsync(LockPath, TimeSpan.FromSeconds(10), CancellationToken.None);
        await Task.Delay(100);
        bool completedWhileHeld = waiting.IsCompleted;
        await other.DisposeAsync();
        RuntimeResult<IDisposable> acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(completedWhileHeld);
        Assert.True(acquired.IsSuccess, acquired.ToString());
        acquired.Value.Dispose();
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_Throws()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
        using var other = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HostFileLock.AcquireAsync(LockPath, TimeSpan.FromSeconds(10), cancel.Token));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
