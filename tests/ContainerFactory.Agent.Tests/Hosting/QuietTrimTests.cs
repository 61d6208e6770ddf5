using ContainerFactory.Agent.Hosting;

namespace ContainerFactory.Agent.Tests.Hosting;

public sealed class QuietTrimTests
{
    private readonly TimerClock _clock = new();
    private int _trims;
    private bool _busy;

    private QuietTrim Trim() => new(_clock, () => _busy, () => _trims++);

    [Fact]
    public void New_IsNotArmed()
    {
        using QuietTrim trim = Trim();

        Assert.Equal(Timeout.InfiniteTimeSpan, _clock.Timer.Due);
        Assert.Equal(0, _trims);
    }

    [Fact]
    public void Touch_ArmsOneShotForTheQuietPeriod_FiringTrimsOnce()
    {
        using QuietTrim trim = Trim();

        trim.Touch();

        Assert.Equal(TimeSpan.FromSeconds(5), _clock.Timer.Due);
        Assert.Equal(Timeout.InfiniteTimeSpan, _clock.Timer.Period);
        Assert.Equal(0, _trims);
        _clock.Timer.Fire();
        Assert.Equal(1, _trims);
    }

    [Fact]
    public void Touch_Again_StartsTheQuietPeriodOver()
    {
        using QuietTrim trim = Trim();
        trim.Touch();
        _clock.Timer.Due = TimeSpan.Zero;

        trim.Touch();

        Assert.Equal(QuietTrim.QuietPeriod, _clock.Timer.Due);
        Assert.Equal(2, _clock.Timer.Changes);
    }

    [Fact]
    public void Fire_WhileACommandRuns_DoesNotTrim()
    {
        using QuietTrim trim = Trim();
        trim.Touch();
        _busy = true;

        _clock.Timer.Fire();

        Assert.Equal(0, _trims);
    }

    [Fact]
    public void Dispose_DisposesTheTimer()
    {
        QuietTrim trim = Trim();

        trim.Dispose();

        Assert.True(_clock.Timer.Disposed);
    }

    [Fact]
    public void Collect_OnGlibc_TrimsTheNativeHeapsToo()
    {
        QuietTrim.Collect();

        Assert.True(QuietTrim.HasMallocTrim); // resolved in libc.so.6 and called
    }

    /// <summary>Hands out one timer that the test fires by hand.</summary>
    private sealed class TimerClock : TimeProvider
    {
        public ManualTimer Timer { get; private set; } = null!;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Timer = new ManualTimer(() => callback(state)) { Due = dueTime, Period = period };
            return Timer;
        }
    }

    private sealed class ManualTimer(Action callback) : ITimer
    {
        public TimeSpan Due { get; set; }

        public TimeSpan Period { get; set; }

        public int Changes { get; private set; }

        public bool Disposed { get; private set; }

        public void Fire() => callback();

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            (Due, Period) = (dueTime, period);
            Changes++;
            return true;
        }

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
