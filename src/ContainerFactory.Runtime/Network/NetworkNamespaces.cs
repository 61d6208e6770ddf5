using System.Runtime.InteropServices;

namespace ContainerFactory.Runtime.Network;

/// <summary>
/// Named network namespaces pinned as files under <see cref="NetworkOptions.NetnsDir"/>, like <c>ip netns add</c> but
/// with syscalls instead of a child process: a dedicated thread calls <c>unshare(CLONE_NEWNET)</c> (allowed in a
/// multi-threaded process; it moves only that thread), bind-mounts <c>/proc/thread-self/ns/net</c> onto an empty
/// file, then returns to the agent's namespace with <c>setns</c> before the thread ends. The bind mount keeps the
/// namespace alive with no process in it — which is what lets CNI DEL still find the veth after the container's task
/// died (containerd-notes.md §7 pitfall). Unlike iproute2 the folder is not made a shared mount: DEL runs after
/// Tasks/Delete, so no container mount namespace still holds a copy, and a copy only keeps an empty namespace alive.
/// Host mode uses no file at all (the host's namespace).
/// </summary>
public sealed class NetworkNamespaces
{
    private readonly string _directory;

    /// <summary>Namespaces live in <paramref name="directory"/> (created on demand, mode 0755).</summary>
    public NetworkNamespaces(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
    }

    /// <summary>The file of <paramref name="name"/>'s namespace (whether it exists or not).</summary>
    public string PathOf(string name) => Path.Combine(_directory, name);

    /// <summary>
    /// Creates a new, empty network namespace pinned at <see cref="PathOf"/>; when one is already pinned there it is
    /// kept (idempotent). Returns the path. Never throws.
    /// </summary>
    public RuntimeResult<string> TryCreate(string name)
    {
        if (!TryPrepare(name, out string path, out RuntimeError? error))
        {
            return error;
        }

        if (IsPinned(path))
        {
            return path;
        }

        return RunOnOwnThread(() => CreateOnThisThread(path)).Map(_ => path);
    }

    /// <summary>Pins the network namespace of process <paramref name="pid"/> (e.g. a task's init) at <see cref="PathOf"/>. Never throws.</summary>
    public RuntimeResult<string> TryPin(string name, int pid)
    {
        if (!TryPrepare(name, out string path, out RuntimeError? error))
        {
            return error;
        }

        if (IsPinned(path))
        {
            return path;
        }

        RuntimeResult bound = Bind($"/proc/{pid}/ns/net", path);
        return bound.IsSuccess ? path : Fail(path, bound.Error!);
    }

    /// <summary>Unmounts and removes <paramref name="name"/>'s file; a missing file or mount is success. Never throws.</summary>
    public RuntimeResult TryDelete(string name)
    {
        if (!IsValidName(name))
        {
            return new RuntimeError(RuntimeErrorKind.InvalidArgument, $"invalid network namespace name \"{name}\"");
        }

        string path = PathOf(name);
        if (NetnsInterop.umount2(path, NetnsInterop.MntDetach) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is not (NetnsInterop.EINVAL or NetnsInterop.ENOENT))
            {
                return new RuntimeError(RuntimeErrorKind.Internal, $"cannot unmount network namespace {path}: {NetnsInterop.Describe(errno)}");
            }
        }

        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            return RuntimeResult.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot remove network namespace file {path}: {ex.Message}");
        }
    }

    /// <summary>True when <paramref name="path"/> is a pinned network namespace (a mount of nsfs).</summary>
    public static bool IsPinned(string path) => NetworkNamespace.IsNetworkNamespace(path);

    /// <summary>Letters, digits, <c>_ . -</c>, first a letter or digit, at most 128 characters (container ids fit).</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 128 && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private bool TryPrepare(string name, out string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out RuntimeError? error)
    {
        path = PathOf(name ?? "");
        error = null;
        if (!IsValidName(name))
        {
            error = new RuntimeError(RuntimeErrorKind.InvalidArgument, $"invalid network namespace name \"{name}\"");
            return false;
        }

        try
        {
            Directory.CreateDirectory(_directory);
            if (!File.Exists(path))
            {
                using (File.Create(path))
                {
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = new RuntimeError(RuntimeErrorKind.Internal, $"cannot create network namespace file {path}: {ex.Message}");
            return false;
        }
    }

    private static RuntimeResult CreateOnThisThread(string path)
    {
        int original = NetnsInterop.open("/proc/thread-self/ns/net", NetnsInterop.OpenReadOnlyCloexec);
        if (original < 0)
        {
            return Errno("cannot open this thread's network namespace");
        }

        try
        {
            if (NetnsInterop.unshare(NetnsInterop.CloneNewNet) != 0)
            {
                return Fail(path, Errno("unshare(CLONE_NEWNET) failed"));
            }

            RuntimeResult bound = Bind("/proc/thread-self/ns/net", path);
            return bound.IsSuccess ? bound : Fail(path, bound.Error!);
        }
        finally
        {
            // Back to the agent's namespace before the thread ends; if this fails the thread still ends right after.
            _ = NetnsInterop.setns(original, NetnsInterop.CloneNewNet);
            _ = NetnsInterop.close(original);
        }
    }

    private static RuntimeResult Bind(string source, string target) =>
        NetnsInterop.mount(source, target, "none", NetnsInterop.MsBind, 0) == 0
            ? RuntimeResult.Ok
            : Errno($"cannot bind-mount {source} onto {target}");

    private static RuntimeError Fail(string path, RuntimeError error)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The empty file is harmless; the error below is what matters.
        }

        return error;
    }

    private static RuntimeError Errno(string what)
    {
        int errno = Marshal.GetLastPInvokeError();
        return new RuntimeError(RuntimeErrorKind.Internal, $"{what}: {NetnsInterop.Describe(errno)}");
    }

    internal static RuntimeResult<T> RunOnOwnThread<T>(Func<RuntimeResult<T>> action)
    {
        RuntimeResult<T> result = new RuntimeError(RuntimeErrorKind.Internal, "namespace thread did not run");
        var thread = new Thread(() => result = action()) { IsBackground = true, Name = "cf-netns" };
        thread.Start();
        thread.Join();
        return result;
    }

    private static RuntimeResult<bool> RunOnOwnThread(Func<RuntimeResult> action) =>
        RunOnOwnThread(() => action().IsFailure(out RuntimeError? error) ? RuntimeResult<bool>.Fail(error) : RuntimeResult<bool>.Ok(true));
}
