using System.Runtime.InteropServices;

namespace ContainerFactory.Agent.Hosting;

/// <summary>
/// Gives memory back once the agent has gone quiet. A pull or a burst of commands grows the GC heap, and the GC keeps
/// what it grew until its next collection — which an idle agent never causes — so the agent would idle for hours at
/// its busiest size (a 64 MiB pull left ~17 MiB more anonymous memory). <see cref="QuietPeriod"/> after start-up and
/// after the last command in flight finished, with no command running, one full compacting collection that also
/// decommits the free heap runs (<see cref="GCCollectionMode.Aggressive"/>, 2–4 ms for the agent's heap on x64);
/// nothing runs while the agent stays idle.
/// </summary>
public sealed class QuietTrim : IDisposable
{
    /// <summary>How long the agent must have had nothing to do.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(5);

    private readonly ITimer _timer;
    private readonly Func<bool> _busy;
    private readonly Action _trim;

    /// <summary>A trim armed by <see cref="Touch"/>.</summary>
    /// <param name="clock">Time source of the timer.</param>
    /// <param name="busy">True while a command runs: the trim is skipped (its end touches again).</param>
    /// <param name="trim">The trim; <see cref="Collect"/> by default.</param>
    public QuietTrim(TimeProvider clock, Func<bool> busy, Action? trim = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _busy = busy;
        _trim = trim ?? Collect;
        _timer = clock.CreateTimer(static state => ((QuietTrim)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Work just ended: trims after <see cref="QuietPeriod"/> unless work is touched again before.</summary>
    public void Touch() => _timer.Change(QuietPeriod, Timeout.InfiniteTimeSpan);

    /// <summary>
    /// A blocking, compacting full collection that returns the free GC heap to the system, then glibc's
    /// <c>malloc_trim</c>, which hands back the free pages of the native heaps (per-thread arenas that TLS, hashing and
    /// the sockets' native code used: 0.5–1 MiB after a pull here). A C library without it (musl) skips that part.
    /// </summary>
    public static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (_hasMallocTrim)
        {
            try
            {
                _ = MallocTrim(0);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                _hasMallocTrim = false;
            }
        }
    }

    /// <summary>False once <c>malloc_trim</c> turned out to be missing.</summary>
    internal static bool HasMallocTrim => _hasMallocTrim;

    /// <inheritdoc/>
    public void Dispose() => _timer.Dispose();

    private static bool _hasMallocTrim = true;

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    private void Fire()
    {
        if (!_busy())
        {
            _trim();
        }
    }
}
