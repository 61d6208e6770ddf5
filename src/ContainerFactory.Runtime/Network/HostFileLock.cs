using System.Diagnostics;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// An exclusive lock on a file that every process of this host honours (<see cref="FileShare.None"/> is an advisory
/// <c>flock</c> on Linux): the agent and the local CLI take it around their CNI operations, so that they never pick the
/// same free host port or range address at the same moment. Never throws but cancellation.
/// </summary>
internal static class HostFileLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Takes the lock on <paramref name="path"/> (creating the file and its folder), waiting while another holder has
    /// it, at most <paramref name="timeout"/>; dispose the result to release it.
    /// </summary>
    public static async Task<RuntimeResult<IDisposable>> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < timeout)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new RuntimeError(RuntimeErrorKind.Unavailable, $"cannot lock {path} within {timeout.TotalSeconds:0} s: {ex.Message}");
            }
        }
    }
}
