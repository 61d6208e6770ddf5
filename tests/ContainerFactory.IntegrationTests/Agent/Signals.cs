using System.Diagnostics;

namespace ContainerFactory.IntegrationTests.Agent;

/// <summary>Sends SIGTERM to a process the test started (the kill tool; .NET's Process only kills).</summary>
internal static class Signals
{
    public static void Terminate(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        })!;
        kill.WaitForExit(TimeSpan.FromSeconds(5));
    }
}
