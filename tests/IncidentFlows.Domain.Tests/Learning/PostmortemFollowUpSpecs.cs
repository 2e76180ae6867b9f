using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Learning;

/// <summary>The postmortem's key times go on past the resolution: the time to learn and the time to improve.</summary>
public class PostmortemFollowUpSpecs
{
    private static readonly Instant Resolved = ModelLoadingIncident.Reported + Duration.FromMinutes(80);
    private static readonly Person Carol = ModelLoadingIncident.Carol;

    private static string Markdown(params IncidentEvent[] more) =>
        PostmortemWriter.Markdown(new PostmortemInput([.. ModelLoadingIncident.History(), .. more]));

    private static E.ActionItemUpdated Finished(int number, ActionItemStatus status, Instant at)
    {
        var item = IncidentEvolution.Fold(ModelLoadingIncident.History()).ActionItems[number - 1].Details;
        return new E.ActionItemUpdated(number, item with { Status = status }, Carol) { At = at };
    }

    [Fact]
    public void A_reviewed_postmortem_with_every_action_item_finished_has_both_figures()
    {
        var markdown = Markdown(
            new E.PostmortemReviewed(Carol) { At = Resolved + Duration.FromDays(2) },
            Finished(1, ActionItemStatus.Done, Resolved + Duration.FromDays(3)),
            Finished(2, ActionItemStatus.Done, Resolved + Duration.FromDays(4)),
            Finished(3, ActionItemStatus.WontDo, Resolved + Duration.FromDays(9) + Duration.FromHours(1)));

        Assert.Contains("| Time to learn | 2d 0h 0m 0s | resolved → postmortem reviewed |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Time to improve | 9d 1h 0m 0s | resolved → last action item done |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- Postmortem reviewed: 2022-02-04 07:06:04 UTC (+2d 1h 20m 0s)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- Last action item done: 2022-02-11 08:06:04 UTC (+9d 2h 20m 0s)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| postmortem reviewed | Carol | Marked the postmortem reviewed. |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Times_still_running_say_so_and_why_rather_than_a_figure()
    {
        var markdown = Markdown(Finished(2, ActionItemStatus.Done, Resolved + Duration.FromDays(1)));

        Assert.Contains("| Time to learn | running: postmortem not reviewed yet | resolved → postmortem reviewed |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Time to improve | running: 2 of 3 action items open | resolved → last action item done |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- Postmortem reviewed: not reached\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("- Last action item done:", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incident_without_action_items_says_it_has_none_and_one_not_resolved_has_not_started()
    {
        var noItems = PostmortemWriter.Markdown(new PostmortemInput([.. ModelLoadingIncident.History().Where(e => e is not (E.ActionItemAdded or E.ActionItemUpdated))]));
        var open = PostmortemWriter.Markdown(new PostmortemInput([.. ModelLoadingIncident.History().TakeWhile(e => e is not E.StatusChanged { To: IncidentStatus.Resolved })]));

        Assert.Contains("| Time to improve | no action items | resolved → last action item done |\n", noItems, StringComparison.Ordinal);
        Assert.Contains("| Time to learn | not reached | resolved → postmortem reviewed |\n", open, StringComparison.Ordinal);
        Assert.Contains("| Time to improve | not reached | resolved → last action item done |\n", open, StringComparison.Ordinal);
    }
}
