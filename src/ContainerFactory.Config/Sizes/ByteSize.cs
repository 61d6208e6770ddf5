using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ContainerFactory.Config.Sizes;

/// <summary>
/// A size string as the cloud sent it (<see cref="Text"/>) together with its value in bytes (<see cref="Bytes"/>).
/// Grammar (kanto-protocol §3.7, widened by PRODUCT.md §2.3): ASCII digits, an optional fraction
/// (<c>.</c> and digits, at most one), one optional space, then a mandatory unit <c>B</c>, <c>K</c>,
/// <c>M</c> or <c>G</c> in either case. Units are powers of 1024. Fractions are truncated towards zero
/// after scaling, like Kanto (<c>1.1M</c> = 1 153 433 bytes). Culture-invariant.
/// </summary>
/// <param name="Text">The original size string, e.g. <c>"500M"</c>; never empty.</param>
/// <param name="Bytes">The value in bytes, 0 ≤ Bytes ≤ <see cref="long.MaxValue"/>.</param>
public sealed partial record ByteSize(string Text, long Bytes)
{
    /// <summary>Kanto's text for a size string that does not parse: <c>invalid size provided &lt;s&gt;</c>.</summary>
    /// <param name="text">The offending size string.</param>
    public static string InvalidSizeMessage(string text) => $"invalid size provided {text}";

    /// <summary>Parses a size string. Never throws.</summary>
    /// <param name="text">The size string; null, empty, unit-less (<c>"100"</c>) or malformed (<c>"1.2.3M"</c>) input fails.</param>
    /// <param name="bytes">The size in bytes when the result is true; 0 otherwise.</param>
    /// <returns>True when <paramref name="text"/> follows the grammar and the value fits in a signed 64-bit integer.</returns>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (!TrySplit(text, out var number, out var multiplier))
        {
            return false;
        }

        var value = double.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * multiplier;
        // 2^63 is exactly representable as a double; anything at or above it does not fit in a long.
        if (!(value < 9223372036854775808.0))
        {
            return false;
        }

        bytes = (long)value;
        return true;
    }

    /// <summary>Parses a size string into a <see cref="ByteSize"/> that keeps the original text. Never throws.</summary>
    /// <param name="text">The size string (grammar as for <see cref="TryParse(string?, out long)"/>).</param>
    /// <param name="size">The parsed size when the result is true; null otherwise.</param>
    /// <returns>True when <paramref name="text"/> is a valid size string.</returns>
    public static bool TryCreate(string? text, [NotNullWhen(true)] out ByteSize? size)
    {
        if (text is not null && TryParse(text, out var bytes))
        {
            size = new ByteSize(text, bytes);
            return true;
        }

        size = null;
        return false;
    }

    /// <summary>
    /// Splits a size string into its number (ASCII digits with at most one fraction) and the byte multiplier
    /// of its unit, accepting one optional space between them.
    /// </summary>
    private static bool TrySplit(string? text, out ReadOnlySpan<char> number, out long multiplier)
    {
        number = default;
        multiplier = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        multiplier = MultiplierOf(text[^1]);
        var body = text.AsSpan(0, text.Length - 1);
        if (body.Length > 0 && body[^1] == ' ')
        {
            body = body[..^1];
        }

        if (multiplier == 0 || !IsDecimalNumber(body))
        {
            return false;
        }

        number = body;
        return true;
    }

    private static long MultiplierOf(char unit) => unit switch
    {
        'b' or 'B' => 1L,
        'k' or 'K' => 1L << 10,
        'm' or 'M' => 1L << 20,
        'g' or 'G' => 1L << 30,
        _ => 0L,
    };

    /// <summary>True for <c>\d+(\.\d+)?</c> with ASCII digits only.</summary>
    private static bool IsDecimalNumber(ReadOnlySpan<char> s)
    {
        var dot = s.IndexOf('.');
        return dot < 0
            ? IsDigits(s)
            : IsDigits(s[..dot]) && IsDigits(s[(dot + 1)..]);
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');
}
