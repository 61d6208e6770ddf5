using System.Diagnostics;
using System.Globalization;
using ContainerFactory.IntegrationTests.Agent;

namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>SIGKILL for processes the tests started (directly, or through their own containerd), by process id.</summary>
internal static class HostProcesses
{
    /// <summary>Kills the agent as a power cut would (SIGKILL) and waits (≤ 10 s) until it is gone.</summary>
    public static async Task KillAsync(AgentProcess agent)
    {
        Kill(agent.Pid);
        for (int i = 0; i < 100 && !agent.HasExited; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(agent.HasExited, $"agent {agent.Pid} still runs 10 s after SIGKILL");
    }

    /// <summary>Sends SIGKILL to <paramref name="pid"/> (the kill tool); a process that is already gone is fine.</summary>
    public static void Kill(long pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        })!;
        kill.WaitForExit(TimeSpan.FromSeconds(5));
    }

    /// <summary>Waits (≤ 10 s) until none of <paramref name="pids"/> exists any more.</summary>
    public static async Task WaitGoneAsync(IReadOnlyCollection<long> pids)
    {
        for (int i = 0; i < 100 && pids.Any(Exists); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(!pids.Any(Exists), $"still alive 10 s after SIGKILL: {string.Join(' ', pids.Where(Exists))}");
    }

    /// <summary>A process exists and is not a zombie.</summary>
    public static bool Exists(long pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
