using ContainerFactory.Agent.Containers;
using ContainerFactory.Agent.Twin;
using ContainerFactory.Runtime.Containerd;
using ContainerFactory.Runtime.Containers;
using TaskStatus = ContainerFactory.Runtime.Containerd.TaskStatus;

namespace ContainerFactory.Agent.Tests.Containers;

public class ContainerStatesTests
{
    private static readonly DateTimeOffset Started = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static ContainerInfo Info(TaskProcess? task, params (string Key, string Value)[] labels) => new(
        new ContainerRecord("c1", "img", "c1", ReadOnlyMemory<byte>.Empty) { Labels = labels.ToDictionary(l => l.Key, l => l.Value) },
        task);

    [Fact]
    public void From_RunningTask_IsRunningWithPidAndStart()
    {
        ContainerState state = ContainerStates.From(Info(new TaskProcess("c1", 42, TaskStatus.Running, 0, null), (ContainerKeys.StartedAtLabel, "2026-01-02T03:04:05Z")));

        Assert.Equal(new ContainerState(ContainerStatus.Running, 42, StartedAt: Started), state);
    }

    [Fact]
    public void From_StoppedTask_IsExitedWithItsStatus()
    {
        ContainerState state = ContainerStates.From(Info(new TaskProcess("c1", 42, TaskStatus.Stopped, 3, Started.AddSeconds(1))));

        Assert.Equal(new ContainerState(ContainerStatus.Exited, -1, "", 3, null, Started.AddSeconds(1)), state);
    }

    [Fact]
    public void From_NoTask_UsesTheEndLabels()
    {
        Dictionary<string, string> labels = ContainerStates.EndLabels(stoppedByHand: true, 143, Started, oomKilled: false);
        ContainerState state = ContainerStates.From(Info(null, [.. labels.Select(l => (l.Key, l.Value))]));

        Assert.Equal(new ContainerState(ContainerStatus.Stopped, -1, "", 143, null, Started), state);
        Assert.Equal("true", labels[ContainerKeys.ManuallyStoppedLabel]);
    }

    [Fact]
    public void From_NoTaskOomExit_IsExitedOomKilled()
    {
        Dictionary<string, string> labels = ContainerStates.EndLabels(stoppedByHand: false, 137, Started, oomKilled: true);
        ContainerState state = ContainerStates.From(Info(null, [.. labels.Select(l => (l.Key, l.Value))]));

        Assert.Equal(new ContainerState(ContainerStatus.Exited, -1, "OOM Killed", 137, null, Started, true), state);
    }

    [Fact]
    public void From_NeverStarted_IsCreated() => Assert.Equal(new ContainerState(ContainerStatus.Created), ContainerStates.From(Info(null)));
}
