using System.Globalization;

namespace ContainerFactory.Runtime.Oci;

/// <summary>
/// The capabilities this process holds, as containerd's <c>cap.Current</c> reads them: the effective set
/// (<c>CapEff</c>) of <c>/proc/self/status</c>. A privileged container gets this set rather than every known
/// capability, since runc fails with EPERM for a capability outside the agent's bounding set (a systemd unit with
/// <c>CapabilityBoundingSet=</c>, an agent that itself runs in a container).
/// </summary>
public static class ProcessCapabilities
{
    /// <summary>The names of the bits set in <paramref name="bitmap"/>, in kernel order; bits beyond CAP_CHECKPOINT_RESTORE (40) are ignored.</summary>
    public static IReadOnlyList<string> FromBitmap(ulong bitmap) =>
        [.. LinuxCapabilityNames.All.Where((_, bit) => (bitmap & (1UL << bit)) != 0)];

    /// <summary>The effective set from the text of a <c>/proc/&lt;pid&gt;/status</c> file; InvalidArgument when it has no <c>CapEff</c> line.</summary>
    public static RuntimeResult<IReadOnlyList<string>> ParseStatus(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        foreach (string line in status.Split('\n'))
        {
            if (line.StartsWith("CapEff:", StringComparison.Ordinal)
                && ulong.TryParse(line.AsSpan("CapEff:".Length).Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong bitmap))
            {
                return RuntimeResult<IReadOnlyList<string>>.Ok(FromBitmap(bitmap));
            }
        }

        return new RuntimeError(RuntimeErrorKind.InvalidArgument, "no CapEff line in the process status");
    }

    /// <summary>This process's effective capabilities. Never throws.</summary>
    public static RuntimeResult<IReadOnlyList<string>> ReadCurrent()
    {
        try
        {
            return ParseStatus(File.ReadAllText("/proc/self/status"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot read /proc/self/status: {e.Message}");
        }
    }
}
