using System.Runtime.InteropServices;

namespace ContainerFactory.Runtime.Network;

/// <summary>The libc calls behind network namespace handling (Linux only).</summary>
internal static partial class NetnsInterop
{
    public const int CloneNewNet = 0x40000000;
    public const ulong MsBind = 0x1000;
    public const int MntDetach = 0x2;
    public const int ENOENT = 2;
    public const int EINVAL = 22;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int unshare(int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setns(int fd, int nstype);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mount(string source, string target, string? filesystemType, ulong flags, nint data);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int umount2(string target, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int statfs(string path, byte* buffer);

    /// <summary><c>f_type</c> of nsfs, the file system of <c>/proc/*/ns/*</c> and their bind mounts.</summary>
    public const long NsfsMagic = 0x6e736673;

    /// <summary>O_RDONLY | O_CLOEXEC.</summary>
    public const int OpenReadOnlyCloexec = 0x80000;

    /// <summary><c>strerror</c>-like text for an errno, e.g. "Operation not permitted (1)".</summary>
    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
}
