using System.Globalization;

namespace ContainerFactory.Config.Containers;

/// <summary>Linux signal names and numbers as used by <c>stopWithOptions</c> (x86-64, arm64 and arm share them).</summary>
public static class LinuxSignals
{
    /// <summary>SIGTERM, the default stop signal.</summary>
    public const int Terminate = 15;

    private static readonly (string Name, int Number)[] Names =
    [
        ("HUP", 1), ("INT", 2), ("QUIT", 3), ("ILL", 4), ("TRAP", 5), ("ABRT", 6), ("IOT", 6), ("BUS", 7),
        ("FPE", 8), ("KILL", 9), ("USR1", 10), ("SEGV", 11), ("USR2", 12), ("PIPE", 13), ("ALRM", 14),
        ("TERM", 15), ("STKFLT", 16), ("CHLD", 17), ("CLD", 17), ("CONT", 18), ("STOP", 19), ("TSTP", 20),
        ("TTIN", 21), ("TTOU", 22), ("URG", 23), ("XCPU", 24), ("XFSZ", 25), ("VTALRM", 26), ("PROF", 27),
        ("WINCH", 28), ("IO", 29), ("POLL", 29), ("PWR", 30), ("SYS", 31), ("UNUSED", 31),
    ];

    /// <summary>
    /// Parses a signal given by name (<c>SIGINT</c>, <c>INT</c>, any case) or by number as a string (<c>"2"</c>, 1–255,
    /// Kanto's range). Never throws.
    /// </summary>
    /// <param name="text">The signal text; "" and null fail.</param>
    /// <param name="signal">The signal number when the result is true; 0 otherwise.</param>
    public static bool TryParse(string? text, out int signal)
    {
        signal = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (!text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 255)
            {
                signal = number;
                return true;
            }

            return false;
        }

        var bare = text.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? text.AsSpan(3) : text.AsSpan();
        foreach (var (name, number) in Names)
        {
            if (bare.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                signal = number;
                return true;
            }
        }

        return false;
    }
}
