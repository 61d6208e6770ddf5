namespace ContainerFactory.Runtime.Tests.Logs;

/// <summary>A clock that always answers the same instant, so log lines are exact.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Instant = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_567);

    public const string Text = "2024-01-02T03:04:05.123456700Z";

    public FixedTime()
        : this(Instant)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>The json-file line for <paramref name="log"/> (already JSON-escaped) at <see cref="Instant"/>.</summary>
    public static string Line(string stream, string log) => $"{{\"stream\":\"{stream}\",\"log\":\"{log}\",\"time\":\"{Text}\"}}\n";
}
