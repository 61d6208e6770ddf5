using ContainerFactory.Agent.Containers;
using ContainerFactory.Config.Containers;

namespace ContainerFactory.Agent.Tests.Containers;

public class RestartRulesTests
{
    [Theory]
    [InlineData(RestartPolicyKind.No, 1, false, 0, false)]
    [InlineData(RestartPolicyKind.Always, 0, false, 5, true)]
    [InlineData(RestartPolicyKind.Always, 0, true, 0, false)]
    [InlineData(RestartPolicyKind.UnlessStopped, 0, false, 0, true)]
    [InlineData(RestartPolicyKind.UnlessStopped, 1, true, 0, false)]
    [InlineData(RestartPolicyKind.OnFailure, 0, false, 0, false)]
    [InlineData(RestartPolicyKind.OnFailure, 1, false, 2, true)]
    [InlineData(RestartPolicyKind.OnFailure, 1, false, 3, false)]
    [InlineData(RestartPolicyKind.OnFailure, 1, true, 0, false)]
    public void ShouldRestart_Table(RestartPolicyKind kind, long exitCode, bool manuallyStopped, long restarts, bool expected)
    {
        var policy = new RestartPolicy(kind, kind == RestartPolicyKind.OnFailure ? 3 : 0, 0);

        Assert.Equal(expected, RestartRules.ShouldRestart(policy, exitCode, manuallyStopped, restarts));
    }

    [Fact]
    public void ShouldRestart_OnFailureWithoutMaximum_AlwaysRetries() =>
        Assert.True(RestartRules.ShouldRestart(new RestartPolicy(RestartPolicyKind.OnFailure, 0, 0), 2, false, 1000));

    [Fact]
    public void NextDelay_DoublesFrom100msUpToTheRetryTimeout()
    {
        var policy = new RestartPolicy(RestartPolicyKind.Always, 0, 1);
        TimeSpan? delay = null;
        var seen = new List<double>();
        for (int i = 0; i < 6; i++)
        {
            delay = RestartRules.NextDelay(delay, TimeSpan.FromSeconds(1), policy);
            seen.Add(delay.Value.TotalMilliseconds);
        }

        Assert.Equal([100, 200, 400, 800, 1000, 1000], seen);
    }

    [Fact]
    public void NextDelay_NoRetryTimeout_CapsAtOneMinute() =>
        Assert.Equal(TimeSpan.FromMinutes(1), RestartRules.NextDelay(TimeSpan.FromSeconds(40), TimeSpan.Zero, RestartPolicy.Default));

    [Fact]
    public void NextDelay_AfterAnImmediateRestartAtRecovery_Is100msThenDoubles()
    {
        TimeSpan first = RestartRules.NextDelay(TimeSpan.Zero, TimeSpan.FromMilliseconds(50), RestartPolicy.Default);
        TimeSpan second = RestartRules.NextDelay(first, TimeSpan.FromMilliseconds(50), RestartPolicy.Default);

        Assert.Equal([100, 200], new[] { first.TotalMilliseconds, second.TotalMilliseconds });
    }

    [Fact]
    public void NextDelay_AfterTenSecondsOfUptime_ResetsTo100ms() =>
        Assert.Equal(TimeSpan.FromMilliseconds(100), RestartRules.NextDelay(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(10), RestartPolicy.Default));
}
