using ContainerFactory.Agent.Commands;
using ContainerFactory.Agent.Hosting;

namespace ContainerFactory.Agent.Tests.Hosting;

public class ReplyCacheTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly OutboundMessage Reply = new("t", new byte[] { 1 });

    [Fact]
    public async Task Begin_SecondTime_ReturnsTheFirstReply()
    {
        var cache = new ReplyCache(new ManualClock());

        (bool first, _) = cache.Begin("c");
        cache.Complete("c", Reply);
        (bool again, Task<OutboundMessage?> reply) = cache.Begin("c");

        Assert.True(first);
        Assert.False(again);
        Assert.Same(Reply, await reply);
    }

    [Fact]
    public void Begin_AfterAbandon_RunsAgain()
    {
        var cache = new ReplyCache(new ManualClock());
        cache.Begin("c");
        cache.Abandon("c");

        Assert.True(cache.Begin("c").First);
    }

    [Fact]
    public void Begin_PastMaxAge_ForgetsCompletedEntries()
    {
        var clock = new ManualClock();
        var cache = new ReplyCache(clock, capacity: 10, maxAge: TimeSpan.FromMinutes(1));
        cache.Begin("old");
        cache.Complete("old", Reply);
        cache.Begin("running");

        clock.Now += TimeSpan.FromMinutes(2);

        Assert.True(cache.Begin("old").First);
        Assert.False(cache.Begin("running").First);
    }

    [Fact]
    public void Begin_OverCapacity_EvictsOldestCompleted()
    {
        var cache = new ReplyCache(new ManualClock(), capacity: 2);
        foreach (string id in new[] { "a", "b", "c" })
        {
            cache.Begin(id);
            cache.Complete(id, Reply);
        }

        cache.Begin("d");

        Assert.False(cache.Begin("c").First);
        Assert.True(cache.Begin("a").First);
    }
}
