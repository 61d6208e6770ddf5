using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace ContainerFactory.Runtime.Network;

/// <summary>Running code inside a network namespace, and recognising one.</summary>
public static class NetworkNamespace
{
    /// <summary>
    /// True when <paramref name="path"/> is a network namespace file (<c>/proc/&lt;pid&gt;/ns/net</c> or a bind mount of
    /// one): its file system is nsfs. False for a plain file, a missing path or an error. Never throws.
    /// </summary>
    public static unsafe bool IsNetworkNamespace(string path)
    {
        // struct statfs starts with f_type (__fsword_t, pointer-sized on glibc and musl); 512 bytes cover the rest.
        byte* buffer = stackalloc byte[512];
        return NetnsInterop.statfs(path, buffer) == 0 && *(nint*)buffer == NetnsInterop.NsfsMagic;
    }

    /// <summary>
    /// Runs <paramref name="action"/> on a dedicated thread that has joined the namespace at <paramref name="netnsPath"/>
    /// (setns), then returns the thread to the agent's namespace. Sockets created by the action stay in that namespace
    /// and may be used from any thread afterwards. An exception of the action is rethrown here; a namespace that cannot
    /// be entered is an error value.
    /// </summary>
    public static RuntimeResult<T> Invoke<T>(string netnsPath, Func<T> action)
    {
        ArgumentException.ThrowIfNullOrEmpty(netnsPath);
        ArgumentNullException.ThrowIfNull(action);
        ExceptionDispatchInfo? failure = null;
        RuntimeResult<T> result = NetworkNamespaces.RunOnOwnThread(() =>
        {
            try
            {
                return Enter(netnsPath, action);
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
                return new RuntimeError(RuntimeErrorKind.Internal, ex.Message);
            }
        });
        failure?.Throw();
        return result;
    }

    private static RuntimeResult<T> Enter<T>(string netnsPath, Func<T> action)
    {
        int target = NetnsInterop.open(netnsPath, NetnsInterop.OpenReadOnlyCloexec);
        if (target < 0)
        {
            return Errno($"cannot open network namespace {netnsPath}");
        }

        int original = NetnsInterop.open("/proc/thread-self/ns/net", NetnsInterop.OpenReadOnlyCloexec);
        try
        {
            if (original < 0)
            {
                return Errno("cannot open this thread's network namespace");
            }

            if (NetnsInterop.setns(target, NetnsInterop.CloneNewNet) != 0)
            {
                return Errno($"cannot enter network namespace {netnsPath}");
            }

            try
            {
                return action();
            }
            finally
            {
                _ = NetnsInterop.setns(original, NetnsInterop.CloneNewNet);
            }
        }
        finally
        {
            _ = NetnsInterop.close(target);
            if (original >= 0)
            {
                _ = NetnsInterop.close(original);
            }
        }
    }

    private static RuntimeError Errno(string what) =>
        new(RuntimeErrorKind.Internal, $"{what}: {NetnsInterop.Describe(Marshal.GetLastPInvokeError())}");
}
