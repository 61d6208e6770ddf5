using System.Runtime.InteropServices;
using System.Text;

namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// <c>statx(2)</c> through glibc, the one way to read a device node's major/minor (<c>st_rdev</c>) that .NET does
/// not expose. Why statx: its <c>struct statx</c> layout is the same on every architecture (x64, arm64, arm32),
/// unlike <c>struct stat</c>, and glibc has exported <c>statx</c> since 2.28 (Debian 10+, Yocto), whereas a plain
/// <c>stat</c> symbol only exists since glibc 2.33 (before it was <c>__xstat</c>). It also reports major and minor as
/// separate fields, so no <c>makedev</c> decoding is needed. The library is named by its glibc soname so that no
/// development symlink (<c>libc.so</c>) is required.
/// </summary>
internal static class Statx
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxTypeModeUidGid = 0x1 | 0x2 | 0x8 | 0x10; // STATX_TYPE | STATX_MODE | STATX_UID | STATX_GID

    /// <summary>File type bits of <c>st_mode</c>.</summary>
    public const uint TypeMask = 0xF000;

    /// <summary><c>S_IFCHR</c>.</summary>
    public const uint CharDevice = 0x2000;

    /// <summary><c>S_IFBLK</c>.</summary>
    public const uint BlockDevice = 0x6000;

    /// <summary><c>S_IFDIR</c>.</summary>
    public const uint Directory = 0x4000;

    /// <summary><c>ENOENT</c>.</summary>
    public const int NoEntry = 2;

    /// <summary><c>ENOTDIR</c>.</summary>
    public const int NotDirectory = 20;

    /// <summary>The fields of <c>struct statx</c> we read (offsets from <c>linux/stat.h</c>; 256 bytes in all).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    public struct Buffer
    {
        [FieldOffset(20)] public uint Uid;
        [FieldOffset(24)] public uint Gid;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(128)] public uint RdevMajor;
        [FieldOffset(132)] public uint RdevMinor;
    }

    /// <summary>Stats <paramref name="path"/>; returns 0, or the errno. I/O edge; never throws for a missing file.</summary>
    /// <param name="path">Absolute path.</param>
    /// <param name="followSymlinks">Stat the link target (true) or the link itself (false, like lstat).</param>
    /// <param name="buffer">The result when 0 is returned.</param>
    public static int Stat(string path, bool followSymlinks, out Buffer buffer)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        var flags = followSymlinks ? 0 : AtSymlinkNoFollow;
        return NativeStatx(AtFdCwd, bytes, flags, StatxTypeModeUidGid, out buffer) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
    private static extern int NativeStatx(int dirfd, byte[] path, int flags, uint mask, out Buffer buffer);
}
