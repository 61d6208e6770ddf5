using ContainerFactory.Runtime.Logs;

namespace ContainerFactory.Runtime.Tests.Logs;

public sealed class Rfc3339NanoTests
{
    [Fact]
    public void ToText_TicksFraction_NineDigitsUtc() =>
        Assert.Equal(
            "2022-12-13T09:14:01.250373400Z",
            Rfc3339Nano.ToText(new DateTime(2022, 12, 13, 9, 14, 1, DateTimeKind.Utc).AddTicks(2_503_734)));

    [Fact]
    public void ToText_WholeSecond_KeepsZeros() =>
        Assert.Equal("2024-02-29T23:59:59.000000000Z", Rfc3339Nano.ToText(new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc)));

    [Fact]
    public void ToText_SmallYearAndLastTick_Padded() =>
        Assert.Equal("0001-01-01T00:00:00.999999900Z", Rfc3339Nano.ToText(new DateTime(9_999_999, DateTimeKind.Utc)));

    [Fact]
    public void ToText_LocalTime_ConvertedToUtc()
    {
        var utc = new DateTime(2023, 6, 1, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal("2023-06-01T12:00:00.000000000Z", Rfc3339Nano.ToText(utc.ToLocalTime()));
    }

    [Fact]
    public void ToText_Output_ParsesAsRoundTripUtc()
    {
        var time = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1_234_567);

        DateTime parsed = DateTime.Parse(Rfc3339Nano.ToText(time), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(time, parsed);
    }
}
