using IncidentFlows.Domain.Learning;
using NodaTime;

namespace IncidentFlows.Domain.Tests.Learning;

public class DurationTextSpecs
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(52, "52s")]
    [InlineData((30 * 60) + 52, "30m 52s")]
    [InlineData(60 * 60, "1h 0m 0s")]
    [InlineData((2 * 3600) + 5, "2h 0m 5s")]
    [InlineData((26 * 3600) + 61, "1d 2h 1m 1s")]
    [InlineData(-130, "-2m 10s")]
    public void Durations_read_largest_unit_first_with_every_smaller_unit(long seconds, string expected)
    {
        Assert.Equal(expected, DurationText.Format(Duration.FromSeconds(seconds)));
    }

    [Fact]
    public void Fractions_of_a_second_are_dropped()
    {
        Assert.Equal("1m 0s", DurationText.Format(Duration.FromMilliseconds(60_999)));
    }

    [Fact]
    public void Offsets_are_always_signed()
    {
        var reported = Instant.FromUtc(2022, 2, 2, 5, 46, 4);

        Assert.Equal("+30m 52s", DurationText.Offset(Instant.FromUtc(2022, 2, 2, 6, 16, 56), reported));
        Assert.Equal("+0s", DurationText.Offset(reported, reported));
        Assert.Equal("-2m 10s", DurationText.Offset(Instant.FromUtc(2022, 2, 2, 5, 43, 54), reported));
    }
}
