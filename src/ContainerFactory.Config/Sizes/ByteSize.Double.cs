using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ContainerFactory.Config.Sizes;

public sealed partial record ByteSize
{
    /// <summary>
    /// Doubles a size string in its own unit, the rule Kanto uses to derive the default swap memory
    /// from the memory limit (kanto-protocol §3.5): <c>"500M"</c> → <c>"1000M"</c>, <c>"1.5G"</c> → <c>"3G"</c>,
    /// <c>"3B"</c> → <c>"6B"</c>, <c>"1 k"</c> → <c>"2 k"</c>. The unit letter, its case and the optional space are kept;
    /// the number is written without trailing zeros. Never throws.
    /// </summary>
    /// <param name="text">A valid size string.</param>
    /// <param name="doubled">The doubled size string when the result is true; null otherwise.</param>
    /// <returns>False when <paramref name="text"/> is not a valid size string or its double does not fit in 64 bits.</returns>
    public static bool TryDouble(string? text, [NotNullWhen(true)] out string? doubled)
    {
        doubled = null;
        if (!TrySplit(text, out var number, out _) ||
            !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        // Decimal arithmetic keeps "1.1" × 2 = "2.2" exact; a valid size is far below decimal's range.
        var twice = (value * 2).ToString("0.############################", CultureInfo.InvariantCulture);
        var candidate = string.Concat(twice, text.AsSpan(number.Length));
        if (!TryParse(candidate, out _))
        {
            return false;
        }

        doubled = candidate;
        return true;
    }
}
