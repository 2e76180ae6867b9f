using IncidentFlows.Domain.Incidents;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

/// <summary>Pinning a Teams message keeps who wrote it, when, and where; removing the 📌 takes it off.</summary>
public class PinSpecs
{
    private static readonly C.PinMessage Pin = new C.PinMessage("msg-1", "p99 doubled at 09:03", Carol)
    {
        Author = Dan,
        PostedAt = Minutes(3),
        Link = "https://teams.microsoft.com/l/message/19:w@thread.tacv2/msg-1",
    };

    [Fact]
    public void A_pin_keeps_the_messages_author_time_and_link()
    {
        Scenario.Given(PagedSev1()).At(Minutes(7)).When(Pin)
            .Then(new E.MessagePinned("msg-1", "p99 doubled at 09:03", Carol)
            {
                At = Minutes(7),
                Author = Dan,
                PostedAt = Minutes(3),
                Link = "https://teams.microsoft.com/l/message/19:w@thread.tacv2/msg-1",
            });
    }

    [Fact]
    public void A_message_dated_after_now_is_stamped_when_it_was_pinned()
    {
        var outcome = Scenario.Given(PagedSev1()).At(Minutes(7)).When(Pin with { PostedAt = Minutes(9) });

        Assert.Null(Assert.IsType<E.MessagePinned>(Assert.Single(outcome.Decision.Events)).PostedAt);
    }

    [Fact]
    public void Unpinning_takes_the_message_off_and_it_can_be_pinned_again()
    {
        var pinned = new E.MessagePinned("msg-1", "p99 doubled", Carol) { At = Minutes(7) };
        var outcome = Scenario.Given([.. PagedSev1(), pinned]).At(Minutes(8)).When(new C.UnpinMessage("msg-1", Carol));

        outcome.Then(new E.MessageUnpinned("msg-1", Carol) { At = Minutes(8) });
        Assert.DoesNotContain("msg-1", outcome.After.PinnedMessages);
        Scenario.Given([.. PagedSev1(), pinned, new E.MessageUnpinned("msg-1", Carol) { At = Minutes(8) }]).At(Minutes(9))
            .When(new C.PinMessage("msg-1", "p99 doubled", Carol))
            .Then(new E.MessagePinned("msg-1", "p99 doubled", Carol) { At = Minutes(9) });
    }

    [Fact]
    public void Unpinning_a_message_that_is_not_pinned_changes_nothing()
    {
        Scenario.Given(PagedSev1()).When(new C.UnpinMessage("msg-9", Carol)).ThenNothing();
    }

    [Fact]
    public void Unpinning_needs_a_message_reference()
    {
        Scenario.Given(PagedSev1()).When(new C.UnpinMessage(" ", Carol)).ThenInvalid("messageRef");
    }
}
