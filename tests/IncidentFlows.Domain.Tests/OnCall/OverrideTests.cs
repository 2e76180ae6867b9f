using IncidentFlows.Domain.OnCall;
using static IncidentFlows.Domain.Tests.OnCall.Given;

namespace IncidentFlows.Domain.Tests.OnCall;

public class OverrideTests
{
    private static readonly Schedule Weekly = Schedule(Layer("Primary", "UTC", "2026-01-05T09:00", Weeks(1), ["ann", "bob"]));
    private static readonly NodaTime.Interval Tuesday = Between("2026-01-06T00:00:00Z", "2026-01-07T00:00:00Z");

    [Fact]
    public void An_add_override_puts_someone_on_call_alongside_the_rotation()
    {
        var schedule = Weekly.With(new Override.Add("cat", Tuesday));

        var onCall = schedule.WhoIsOnCall(Utc("2026-01-06T12:00:00Z"));

        Assert.Equal(["ann", "cat"], onCall.Select(s => s.PersonId));
        Assert.Equal(("override", Tuesday), (onCall[1].Source.Describe(), onCall[1].Span));
    }

    [Fact]
    public void A_remove_override_takes_someone_off_and_can_open_a_gap()
    {
        var schedule = Weekly.With(new Override.Remove("ann", Tuesday));

        Assert.Empty(schedule.WhoIsOnCall(Utc("2026-01-06T12:00:00Z")));
        Assert.Equal([new CoverageGap("primary", Tuesday)], schedule.CoverageOver(Between("2026-01-05T09:00:00Z", "2026-01-12T09:00:00Z")).Gaps);
    }

    [Fact]
    public void A_replace_override_swaps_the_person_only_where_they_would_be_on_call()
    {
        var schedule = Weekly.With(new Override.Replace("ann", "cat", Between("2026-01-10T00:00:00Z", "2026-01-14T00:00:00Z")));

        var covering = Assert.Single(schedule.WhoIsOnCall(Utc("2026-01-11T00:00:00Z")));
        var bobsWeek = Assert.Single(schedule.WhoIsOnCall(Utc("2026-01-13T00:00:00Z")));

        Assert.Equal(("cat", "layer Primary, covering for ann"), (covering.PersonId, covering.Source.Describe()));
        Assert.Equal(Between("2026-01-10T00:00:00Z", "2026-01-12T09:00:00Z"), covering.Span);
        Assert.Equal("bob", bobsWeek.PersonId);
    }

    [Fact]
    public void Cover_me_produces_a_replace_override_for_the_requested_span()
    {
        var request = new CoverRequest("ann", "cat", Tuesday);

        var schedule = Weekly.With(request.ToOverride());

        Assert.Equal(new Override.Replace("ann", "cat", Tuesday), request.ToOverride());
        Assert.Equal("cat", Assert.Single(schedule.WhoIsOnCall(Utc("2026-01-06T12:00:00Z"))).PersonId);
        Assert.Equal("ann", Assert.Single(schedule.WhoIsOnCall(Utc("2026-01-07T00:00:00Z"))).PersonId);
    }

    [Fact]
    public void Overrides_apply_in_the_order_they_are_listed()
    {
        var addThenRemove = Weekly.With(new Override.Add("cat", Tuesday)).With(new Override.Remove("cat", Tuesday));
        var removeThenAdd = Weekly.With(new Override.Remove("cat", Tuesday)).With(new Override.Add("cat", Tuesday));

        Assert.Equal(["ann"], addThenRemove.WhoIsOnCall(Utc("2026-01-06T12:00:00Z")).Select(s => s.PersonId));
        Assert.Equal(["ann", "cat"], removeThenAdd.WhoIsOnCall(Utc("2026-01-06T12:00:00Z")).Select(s => s.PersonId));
    }

    [Fact]
    public void An_override_ends_exactly_at_its_end()
    {
        var schedule = Weekly.With(new Override.Replace("ann", "cat", Tuesday));

        Assert.Equal("cat", schedule.WhoIsOnCall(Tuesday.End.Minus(NodaTime.Duration.Epsilon)).Single().PersonId);
        Assert.Equal("ann", schedule.WhoIsOnCall(Tuesday.End).Single().PersonId);
    }
}
