using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.Domain.Tests.Incidents;

public class WarRoomNameSpecs
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
    private static readonly Instant LateEvening = Instant.FromUtc(2022, 2, 1, 23, 30);

    [Fact]
    public void A_war_room_is_named_after_the_date_and_the_title()
    {
        Assert.Equal(
            "inc-2022-02-01-nullpointerexception-when-loading",
            WarRoomNames.Propose("NullPointerException when loading a model", LateEvening, London, []));
    }

    [Fact]
    public void The_date_is_the_teams_local_date()
    {
        Assert.StartsWith("inc-2022-02-02-", WarRoomNames.Propose("db down", LateEvening, Tokyo, []), StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_teams_forbids_never_appear_and_accents_are_folded()
    {
        var name = WarRoomNames.Propose("Café ~#%&*{}+/\\:<>?|'\", down!!", LateEvening, London, []);

        Assert.Equal("inc-2022-02-01-cafe-down", name);
    }

    [Fact]
    public void A_long_title_is_cut_at_a_word_to_at_most_50_characters()
    {
        var name = WarRoomNames.Propose("Checkout latency regression after the payments provider rotated certificates", LateEvening, London, []);

        Assert.True(name.Length <= WarRoomNames.MaxLength, name);
        Assert.Equal("inc-2022-02-01-checkout-latency-regression-after", name);
    }

    [Fact]
    public void Two_incidents_with_the_same_title_on_the_same_day_get_different_names()
    {
        var first = WarRoomNames.Propose("db down", LateEvening, London, []);
        var second = WarRoomNames.Propose("db down", LateEvening, London, [first]);
        var third = WarRoomNames.Propose("db down", LateEvening, London, [first, second]);

        Assert.Equal(["inc-2022-02-01-db-down", "inc-2022-02-01-db-down-2", "inc-2022-02-01-db-down-3"], [first, second, third]);
    }

    [Fact]
    public void A_title_with_no_letters_still_gets_a_valid_name()
    {
        Assert.Equal("inc-2022-02-01", WarRoomNames.Propose("!!!", LateEvening, London, []));
    }
}
