using ContainerFactory.Agent.Containers;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Containers;
using TaskStatus = ContainerFactory.Runtime.Containerd.TaskStatus;

namespace ContainerFactory.Agent.Tests.Containers;

/// <summary>Which containers without a task count as running when the host went down (agent start, PRODUCT.md §3).</summary>
public class RecoveryRulesTests
{
    [Theory]
    [InlineData("2026-01-01T00:00:05.1234Z", null, true)]
    [InlineData("2026-01-01T00:00:05.1234Z", "2026-01-01T00:00:04.9Z", true)]
    [InlineData("2026-01-01T00:00:05.1234Z", "2026-01-01T00:00:05.12345Z", false)] // the text of the later time sorts first
    [InlineData("2026-01-01T00:00:05Z", "2026-01-01T00:00:05.3Z", false)]
    [InlineData("2026-01-01T00:00:05.3Z", "2026-01-01T00:00:06Z", false)]
    [InlineData(null, null, false)]
    public void WasRunningBeforeReboot_NoTask_StartedAfterTheLastEnd(string? startedAt, string? finishedAt, bool expected)
    {
        var labels = new Dictionary<string, string>();
        if (startedAt is not null)
        {
            labels[ContainerKeys.StartedAtLabel] = startedAt;
        }

        if (finishedAt is not null)
        {
            labels[ContainerStates.FinishedAtLabel] = finishedAt;
        }

        var info = new ContainerInfo(new ContainerRecord("c1", "img", "c1", ReadOnlyMemory<byte>.Empty) { Labels = labels }, null);

        Assert.Equal(expected, ContainerService.WasRunningBeforeReboot(info));
    }

    [Fact]
    public void WasRunningBeforeReboot_WithATask_False()
    {
        var record = new ContainerRecord("c1", "img", "c1", ReadOnlyMemory<byte>.Empty)
        {
            Labels = new Dictionary<string, string> { [ContainerKeys.StartedAtLabel] = "2026-01-01T00:00:05Z" },
        };

        Assert.False(ContainerService.WasRunningBeforeReboot(new ContainerInfo(record, new TaskProcess("c1", 42, TaskStatus.Running, 0, null))));
    }
}
