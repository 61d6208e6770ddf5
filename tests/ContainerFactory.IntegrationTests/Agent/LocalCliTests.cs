using ContainerFactory.IntegrationTests.Recovery;
using ContainerFactory.IntegrationTests.Support;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>
/// The local CLI used on the gateway while the agent runs with the same settings: the agent follows containerd's
/// events, so the twin shows what the CLI did, and a stop by hand through the CLI is not taken for a crash.
/// </summary>
public sealed class LocalCliTests(AgentStack stack) : IClassFixture<AgentStack>
{
    private CtrClient Ctr => new(TestEnvironment.Current.ContainerdSocket, stack.Namespace);

    [Fact]
    public async Task Cli_CreateStopStartRemoveWhileTheAgentRuns_TwinFollowsAndTheStopIsRespected()
    {
        string settings = stack.Config().WriteTo(Path.Combine(stack.Root, "cli.json"));
        string config = Path.Combine(stack.Root, "cli-container.json");
        await File.WriteAllTextAsync(config, $$"""{"restartPolicy":{"type":"always"},"cmd":{{RecoveryConfigs.UntilStopped}}}""");

        string id = (await CliAsync("create", "--config", settings, "--start", "--container-config", config, RecoveryConfigs.Busybox)).Trim();

        await TwinStates.WaitAsync(stack, id, "RUNNING", 1);
        Assert.Contains(stack.Cloud.On(AgentStack.TwinTopic), m => m.DittoPath == $"/features/Container:{id}" && m.DittoTopic.EndsWith("/modify", StringComparison.Ordinal));

        await CliAsync("stop", "--config", settings, id);
        await TwinStates.WaitAsync(stack, id, "STOPPED", 1);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a restart by the always policy would come 100 ms after the exit
        Assert.Single(TwinStates.Of(stack, id, "RUNNING"));
        Assert.Empty(TwinStates.Of(stack, id, "EXITED"));
        Assert.False((await Ctr.TasksAsync()).ContainsKey(id));

        await CliAsync("start", "--config", settings, id);
        long pid = (await TwinStates.WaitAsync(stack, id, "RUNNING", 2))[1].GetProperty("pid").GetInt64();
        Assert.Equal(new TaskRow(pid, "RUNNING"), (await Ctr.TasksAsync())[id]);

        await CliAsync("rm", "--config", settings, "--force", id);
        await stack.Cloud.WaitForFirstAsync(
            m => m.Topic == AgentStack.TwinTopic && m.DittoPath == $"/features/Container:{id}" && m.DittoTopic.EndsWith("/delete", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), $"feature of {id} deleted");
        Assert.DoesNotContain(id, await stack.ContainersAsync());
        Assert.False(stack.Agent.HasExited, stack.Agent.Log());
    }

    private static async Task<string> CliAsync(params string[] args)
    {
        (int code, string stdout, string stderr) = await NativeBinary.RunAsync(args);
        Assert.True(code == 0, $"container-factory {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }
}
