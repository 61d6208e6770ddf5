namespace ContainerFactory.Runtime.Logs;

/// <summary>
/// The <c>time</c> value of a json-file line: RFC 3339 in UTC with exactly 9 fractional digits,
/// <c>2022-12-13T09:14:01.250373400Z</c>. Fixed width (Go's <c>RFC3339Nano</c> trims trailing zeros; both parse
/// with Go's <c>time.Parse(time.RFC3339Nano, …)</c>), so lines sort as text. .NET clocks tick in 100 ns, so the last
/// two digits are always <c>00</c>.
/// </summary>
internal static class Rfc3339Nano
{
    /// <summary>Bytes written by <see cref="Format"/>.</summary>
    public const int Length = 30;

    /// <summary>Writes <paramref name="time"/> (converted to UTC) as 30 ASCII bytes into <paramref name="destination"/>.</summary>
    public static void Format(DateTime time, Span<byte> destination)
    {
        DateTime utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        Span<byte> d = destination[..Length];
        Digits(utc.Year, d[..4]);
        d[4] = (byte)'-';
        Digits(utc.Month, d.Slice(5, 2));
        d[7] = (byte)'-';
        Digits(utc.Day, d.Slice(8, 2));
        d[10] = (byte)'T';
        Digits(utc.Hour, d.Slice(11, 2));
        d[13] = (byte)':';
        Digits(utc.Minute, d.Slice(14, 2));
        d[16] = (byte)':';
        Digits(utc.Second, d.Slice(17, 2));
        d[19] = (byte)'.';
        Digits((int)(utc.Ticks % TimeSpan.TicksPerSecond), d.Slice(20, 7));
        d[27] = (byte)'0';
        d[28] = (byte)'0';
        d[29] = (byte)'Z';
    }

    /// <summary>The formatted time as a string (tests and diagnostics).</summary>
    public static string ToText(DateTime time)
    {
        Span<byte> buffer = stackalloc byte[Length];
        Format(time, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    private static void Digits(int value, Span<byte> destination)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
