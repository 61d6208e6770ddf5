namespace ContainerFactory.Agent.Hosting;

/// <summary>Exponential backoff: <see cref="First"/>, doubling up to <see cref="Max"/>. Immutable; pure.</summary>
/// <param name="First">The first delay.</param>
/// <param name="Max">The largest delay.</param>
public sealed record Backoff(TimeSpan First, TimeSpan Max)
{
    /// <summary>Reconnect backoff of the MQTT connection: 500 ms doubling to 30 s.</summary>
    public static Backoff Reconnect { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    /// <summary>The delay before attempt <paramref name="attempt"/> (0-based).</summary>
    public TimeSpan Delay(int attempt)
    {
        double factor = Math.Pow(2, Math.Min(attempt, 30));
        double ms = Math.Min(First.TotalMilliseconds * factor, Max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ms);
    }
}
