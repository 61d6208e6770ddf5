using System.Globalization;

namespace ContainerFactory.Runtime.Logs;

/// <summary>
/// Size strings in the log driver's argv: ASCII digits, an optional fraction, one optional space and a mandatory
/// unit <c>B</c>, <c>K</c>, <c>M</c> or <c>G</c> in either case, base 1024, truncated towards zero
/// (<c>1.5K</c> = 1536) — the grammar of kanto-protocol §3.7 widened with <c>B</c>, as the Config layer reads it.
/// </summary>
internal static class LogSizeText
{
    /// <summary>Parses a size string; false for anything outside the grammar or ≥ 2^63. Never throws.</summary>
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        if (text.Length < 2)
        {
            return false;
        }

        long multiplier = char.ToUpperInvariant(text[^1]) switch
        {
            'B' => 1L,
            'K' => 1L << 10,
            'M' => 1L << 20,
            'G' => 1L << 30,
            _ => 0L,
        };
        ReadOnlySpan<char> number = text.AsSpan(0, text.Length - 1);
        if (number.Length > 0 && number[^1] == ' ')
        {
            number = number[..^1];
        }

        int dot = number.IndexOf('.');
        bool digitsOnly = dot < 0
            ? IsDigits(number)
            : IsDigits(number[..dot]) && IsDigits(number[(dot + 1)..]);
        if (multiplier == 0 || !digitsOnly)
        {
            return false;
        }

        double value = double.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * multiplier;
        if (!(value < 9223372036854775808.0))
        {
            return false;
        }

        bytes = (long)value;
        return true;
    }

    /// <summary>The shortest exact form: the largest unit that divides <paramref name="bytes"/> (<c>100M</c>, <c>1536B</c>).</summary>
    public static string Format(long bytes) => bytes switch
    {
        > 0 when bytes % (1L << 30) == 0 => Invariant(bytes >> 30, 'G'),
        > 0 when bytes % (1L << 20) == 0 => Invariant(bytes >> 20, 'M'),
        > 0 when bytes % (1L << 10) == 0 => Invariant(bytes >> 10, 'K'),
        _ => Invariant(bytes, 'B'),
    };

    private static string Invariant(long value, char unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value}{unit}");

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');
}
