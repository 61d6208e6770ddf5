using System.Diagnostics;

namespace ContainerFactory.IntegrationTests.Recovery;

/// <summary>
/// A containerd of one test class (root, state, sockets, config and log under a short temporary folder), so that it can
/// be killed and started again — a host reboot as containerd sees it — without touching the shared test containerd.
/// <see cref="CleanUpAsync"/> removes what is left in it, stops it and deletes every trace.
/// </summary>
internal sealed class PrivateContainerd
{
    private Process? _process;

    private PrivateContainerd(string folder)
    {
        Folder = folder;
        File.WriteAllText(ConfigFile, $"""
            version = 2
            root = "{folder}/root"
            state = "{folder}/state"
            disabled_plugins = ["io.containerd.grpc.v1.cri"]

            [grpc]
              address = "{Socket}"

            [ttrpc]
              address = "{Socket}.ttrpc"

            [debug]
              level = "info"

            [metrics]
              address = ""

            [plugins."io.containerd.internal.v1.opt"]
              path = "{folder}/opt"

            """);
    }

    public string Folder { get; }

    public string Socket => Path.Combine(Folder, "c.sock");

    public string ConfigFile => Path.Combine(Folder, "config.toml");

    public string LogFile => Path.Combine(Folder, "containerd.log");

    /// <summary>ctr for <paramref name="namespace"/> on this containerd.</summary>
    public CtrClient Ctr(string @namespace) => new(Socket, @namespace);

    /// <summary>Creates the folder and starts containerd; waits (≤ 30 s) until it answers.</summary>
    public static async Task<PrivateContainerd> StartAsync()
    {
        var containerd = new PrivateContainerd(Directory.CreateTempSubdirectory("cfrb-").FullName);
        await containerd.StartAgainAsync();
        return containerd;
    }

    /// <summary>Starts containerd with the same folders (after <see cref="PowerCutAsync"/>); waits (≤ 30 s) until it answers.</summary>
    public async Task StartAgainAsync()
    {
        // The shell execs containerd with its output appended to the log file: the process is containerd itself, and
        // neither it nor the shims it starts hold a pipe of the test host.
        var start = new ProcessStartInfo("sh", ["-c", "exec containerd --config \"$0\" >>\"$1\" 2>&1", ConfigFile, LogFile])
        {
            UseShellExecute = false,
        };
        _process = Process.Start(start)!;
        CtrClient ctr = Ctr("default");
        for (int i = 0; i < 300; i++)
        {
            if (File.Exists(Socket) && (await ctr.RunAsync("version")).ExitCode == 0)
            {
                return;
            }

            Assert.False(_process.HasExited, $"containerd exited with {(_process.HasExited ? _process.ExitCode : 0)}; see {LogFile}");
            await Task.Delay(100);
        }

        Assert.Fail($"containerd did not answer on {Socket} within 30 s; see {LogFile}");
    }

    /// <summary>
    /// What a power cut leaves behind: containerd, every process of the namespace's containers and every shim of this
    /// containerd killed (SIGKILL, in that order, so that nobody cleans up), the state folder kept.
    /// </summary>
    public async Task PowerCutAsync(string @namespace)
    {
        if (_process is { HasExited: false } process)
        {
            HostProcesses.Kill(process.Id);
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(bound.Token);
        }

        long[] containers = [.. ContainerProcesses(@namespace)];
        foreach (long pid in containers)
        {
            HostProcesses.Kill(pid);
        }

        long[] shims = [.. Shims()];
        foreach (long pid in shims)
        {
            HostProcesses.Kill(pid);
        }

        await HostProcesses.WaitGoneAsync([.. containers, .. shims]);
    }

    /// <summary>
    /// Removes what is left in <paramref name="namespace"/>, stops containerd (SIGTERM), kills shims it left, unmounts
    /// what is mounted under its folder, deletes the folder and the namespace's cgroups; returns the problems met.
    /// </summary>
    public async Task<IReadOnlyList<string>> CleanUpAsync(string @namespace)
    {
        var problems = new List<string>();
        if (_process is null or { HasExited: true })
        {
            await StartAgainAsync();
        }

        await RemoveNamespaceAsync(Ctr(@namespace), problems);

        Process process = _process!;
        HostTerminate(process.Id);
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                problems.Add("containerd did not stop within 10 s of SIGTERM");
            }
        }

        long[] shims = [.. Shims()];
        foreach (long pid in shims)
        {
            problems.Add($"shim {pid} left behind");
            HostProcesses.Kill(pid);
        }

        await HostProcesses.WaitGoneAsync(shims);
        foreach (string mountPoint in MountsUnder(Folder).OrderByDescending(m => m.Length))
        {
            var (code, _, stderr) = Network.HostTool.Run("umount", mountPoint);
            if (code != 0)
            {
                problems.Add($"umount {mountPoint}: {stderr.Trim()}");
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException e)
        {
            problems.Add($"{Folder}: {e.Message}");
        }

        NamespaceCgroups.Remove(@namespace);

        return problems;
    }

    private static async Task RemoveNamespaceAsync(CtrClient ctr, List<string> problems)
    {
        foreach (string id in (await ctr.TasksAsync()).Keys)
        {
            _ = await ctr.RunAsync("tasks", "kill", "--signal", "SIGKILL", id);
        }

        for (int i = 0; i < 100 && (await ctr.TasksAsync()).Values.Any(t => t.Status != "STOPPED"); i++)
        {
            await Task.Delay(100);
        }

        foreach (string id in (await ctr.TasksAsync()).Keys)
        {
            var (code, _, stderr) = await ctr.RunAsync("tasks", "delete", "-f", id);
            Check(problems, code == 0, $"ctr tasks delete {id}: {stderr.Trim()}");
        }

        foreach (string id in Lines(await ctr.CheckedAsync("containers", "ls", "-q")))
        {
            var (code, _, stderr) = await ctr.RunAsync("containers", "rm", id);
            Check(problems, code == 0, $"ctr containers rm {id}: {stderr.Trim()}");
        }

        foreach (string image in Lines((await ctr.RunAsync("images", "ls", "-q")).Stdout))
        {
            _ = await ctr.RunAsync("images", "rm", "--sync", image);
        }

        foreach (string lease in Lines((await ctr.RunAsync("leases", "ls", "-q")).Stdout))
        {
            _ = await ctr.RunAsync("leases", "rm", "--sync", lease);
        }

        var removed = await ctr.RunAsync("namespaces", "rm", ctr.Namespace);
        Check(problems, removed.ExitCode == 0, $"ctr namespaces rm {ctr.Namespace}: {removed.Stderr.Trim()}");
    }

    /// <summary>Every process in the memory cgroups of the namespace's containers (cgroupsPath <c>/&lt;ns&gt;/&lt;id&gt;</c>).</summary>
    private static IEnumerable<long> ContainerProcesses(string @namespace)
    {
        string root = Path.Combine("/sys/fs/cgroup/memory", @namespace);
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).SelectMany(d => Lines(File.ReadAllText(Path.Combine(d, "cgroup.procs")))).Select(long.Parse)
            : [];
    }

    /// <summary>The shims serving this containerd: <c>containerd-shim-runc-v2 … -address &lt;socket&gt;</c>.</summary>
    private IEnumerable<long> Shims()
    {
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (!long.TryParse(Path.GetFileName(dir), out long pid))
            {
                continue;
            }

            string[] argv;
            try
            {
                argv = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
            }
            catch (IOException)
            {
                continue;
            }

            int address = Array.IndexOf(argv, "-address");
            if (argv[0].Contains("containerd-shim", StringComparison.Ordinal) && address >= 0 && address + 1 < argv.Length && argv[address + 1] == Socket)
            {
                yield return pid;
            }
        }
    }

    private static IEnumerable<string> MountsUnder(string folder) =>
        File.ReadAllLines("/proc/self/mountinfo")
            .Select(l => l.Split(' ')[4])
            .Where(m => m.StartsWith(folder + "/", StringComparison.Ordinal));

    private static void HostTerminate(int pid) => Agent.Signals.Terminate(pid);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }
}
