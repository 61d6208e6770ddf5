using System.Globalization;

namespace ContainerFactory.Agent.Settings;

/// <summary>Durations written as in Go: a sequence of number+unit such as <c>20s</c>, <c>1m30s</c>, <c>500ms</c>, <c>1.5h</c>.</summary>
public static class Durations
{
    /// <summary>Parses <paramref name="text"/>; units ms, s, m, h; a bare number is seconds. Never throws.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        ReadOnlySpan<char> rest = text.AsSpan().Trim();
        if (double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out double bare))
        {
            duration = TimeSpan.FromSeconds(bare);
            return bare >= 0;
        }

        double total = 0;
        while (!rest.IsEmpty)
        {
            int numberEnd = 0;
            while (numberEnd < rest.Length && (char.IsAsciiDigit(rest[numberEnd]) || rest[numberEnd] == '.'))
            {
                numberEnd++;
            }

            int unitEnd = numberEnd;
            while (unitEnd < rest.Length && char.IsAsciiLetter(rest[unitEnd]))
            {
                unitEnd++;
            }

            if (numberEnd == 0 || unitEnd == numberEnd
                || !double.TryParse(rest[..numberEnd], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return false;
            }

            double? seconds = rest[numberEnd..unitEnd] switch
            {
                "ms" => value / 1000,
                "s" => value,
                "m" => value * 60,
                "h" => value * 3600,
                _ => null,
            };
            if (seconds is null)
            {
                return false;
            }

            total += seconds.Value;
            rest = rest[unitEnd..];
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }
}
