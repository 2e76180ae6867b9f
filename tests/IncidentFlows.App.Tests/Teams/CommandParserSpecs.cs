using IncidentFlows.App.Teams.Cards;
using IncidentFlows.App.Teams.Commands;
using IncidentFlows.Domain.Incidents;
using I = IncidentFlows.App.Teams.Commands.IncidentIntent;
using R = IncidentFlows.App.Teams.Commands.BotRequest;

namespace IncidentFlows.App.Tests.Teams;

public sealed class CommandParserSpecs
{
    [Theory]
    [InlineData("declare sev2 checkout failing", Severity.Sev2, "checkout failing")]
    [InlineData("Declare SEV1 Payments down in EU", Severity.Sev1, "Payments down in EU")]
    [InlineData("declare checkout failing", Severity.Sev3, "checkout failing")]
    [InlineData("decalre p0 everything is on fire", Severity.Sev0, "everything is on fire")]
    public void Declare_reads_the_severity_anywhere_and_the_rest_is_the_title(string text, Severity severity, string title) =>
        Assert.Equal(new R.Declare(severity, title, IncidentKind.Real), CommandParser.Parse(text));

    [Theory]
    [InlineData("declare sev7 checkout failing")]
    [InlineData("drill p9 database failover")]
    public void Declaring_with_a_severity_that_does_not_exist_is_refused_with_the_list_of_severities(string text) =>
        Assert.Equal(new R.Refused("'" + text.Split(' ')[1] + "' is not a severity; use SEV0 (worst) to SEV4."), CommandParser.Parse(text));

    [Fact]
    public void A_drill_is_a_sev4_unless_told_otherwise() =>
        Assert.Equal(new R.Declare(Severity.Sev4, "database failover", IncidentKind.Drill), CommandParser.Parse("drill database failover"));

    [Fact]
    public void Declare_without_a_title_asks_for_the_form() =>
        Assert.Equal(new R.Declare(null, "", IncidentKind.Real), CommandParser.Parse("declare"));

    [Theory]
    [InlineData("ack")]
    [InlineData("ACK")]
    [InlineData("acknowledge")]
    public void Acknowledging_forgives_case_and_aliases(string text) =>
        Assert.Equal(new R.ForIncident(null, new I.Acknowledge()), CommandParser.Parse(text));

    [Theory]
    [InlineData("acknowlege", "ack", null)]
    [InlineData("akc", "ack", null)]
    [InlineData("back to normal", "ack", null)]
    [InlineData("chose", "close", null)]
    [InlineData("INC-9 chose", "close", "INC-9")]
    [InlineData("reserve", "resolve", null)]
    [InlineData("reslove rolled back", "resolve", null)]
    [InlineData("repoen errors are back", "reopen", null)]
    [InlineData("INC-7 reviewd", "reviewed", "INC-7")]
    [InlineData("review the logs", "reviewed", null)]
    [InlineData("status reslved", "status resolved", null)]
    [InlineData("status declnied", "status declined", null)]
    public void A_near_miss_of_a_command_that_wakes_people_or_cannot_be_undone_asks_instead_of_acting(string text, string meant, string? incident) =>
        Assert.Equal(new R.DidYouMean(meant, incident is null ? null : new IncidentId(incident), text), CommandParser.Parse(text));

    [Theory]
    [InlineData("INC-7 reviewed")]
    [InlineData("Reviewed inc-7")]
    public void Reviewed_marks_the_named_incidents_postmortem_reviewed(string text) =>
        Assert.Equal(new R.ForIncident(new IncidentId("INC-7"), new I.MarkPostmortemReviewed()), CommandParser.Parse(text));

    [Theory]
    [InlineData("INC-42 ack")]
    [InlineData("inc-42 ack")]
    [InlineData("ack INC-42")]
    public void The_incident_can_be_named_before_or_after_the_command(string text) =>
        Assert.Equal(new R.ForIncident(new IncidentId("INC-42"), new I.Acknowledge()), CommandParser.Parse(text));

    [Fact]
    public void Status_takes_a_status_and_a_note() =>
        Assert.Equal(new R.ForIncident(null, new I.SetStatus(IncidentStatus.Identified, "bad config push")), CommandParser.Parse("status identifed bad config push"));

    [Fact]
    public void Status_alone_shows_the_incident() =>
        Assert.Equal(new R.Show(new IncidentId("INC-7")), CommandParser.Parse("INC-7 status"));

    [Theory]
    [InlineData("sev1 all regions")]
    [InlineData("sev 1 all regions")]
    [InlineData("severity sev1 because all regions")]
    public void Severity_changes_read_every_way_people_write_them(string text) =>
        Assert.Equal(new R.ForIncident(null, new I.SetSeverity(Severity.Sev1, "all regions")), CommandParser.Parse(text));

    [Theory]
    [InlineData("lead <at>Priya Shah</at>", IncidentRole.Lead, "<at>Priya Shah</at>")]
    [InlineData("comms priya@contoso.example", IncidentRole.CommunicationsLead, "priya@contoso.example")]
    [InlineData("scribe", IncidentRole.Scribe, "me")]
    public void Roles_name_a_person_or_default_to_me(string text, IncidentRole role, string who) =>
        Assert.Equal(new R.ForIncident(null, new I.AssignRole(role, who)), CommandParser.Parse(text));

    [Fact]
    public void Update_note_action_resolve_reopen_and_title_keep_their_text()
    {
        Assert.Equal(new R.ForIncident(new IncidentFlows.Domain.Incidents.IncidentId("INC-7"), new I.Retitle("Card payments fail in the EU")), CommandParser.Parse("INC-7 title Card payments fail in the EU"));
        Assert.Equal(new R.ForIncident(null, new I.PostUpdate("rolling back 4.2")), CommandParser.Parse("update rolling back 4.2"));
        Assert.Equal(new R.ForIncident(null, new I.AddNote("cpu at 100%")), CommandParser.Parse("note cpu at 100%"));
        Assert.Equal(new R.ForIncident(null, new I.AddAction("alert on 5xx")), CommandParser.Parse("action alert on 5xx"));
        Assert.Equal(new R.ForIncident(null, new I.Resolve("rolled back")), CommandParser.Parse("resolve rolled back"));
        Assert.Equal(new R.ForIncident(null, new I.Resolve(null)), CommandParser.Parse("resolve"));
        Assert.Equal(new R.ForIncident(null, new I.Close()), CommandParser.Parse("close"));
        Assert.Equal(new R.ForIncident(null, new I.Reopen("errors are back")), CommandParser.Parse("reopen errors are back"));
        Assert.Equal(new R.ForIncident(null, new I.Join()), CommandParser.Parse("join"));
    }

    [Theory]
    [InlineData("oncall")]
    [InlineData("on-call")]
    [InlineData("oncal")]
    public void Who_is_on_call(string text) => Assert.Equal(new R.OnCall(), CommandParser.Parse(text));

    [Theory]
    [InlineData("what is going on", "what is going on")]
    [InlineData("update", "update")]
    [InlineData("status purple", "status purple")]
    public void Anything_else_gets_help_and_says_what_was_not_understood(string text, string notUnderstood) =>
        Assert.Equal(new R.Help(notUnderstood), CommandParser.Parse(text));

    [Fact]
    public void An_empty_message_gets_plain_help() => Assert.Equal(new R.Help(null), CommandParser.Parse("   "));

    [Fact]
    public void Every_listed_command_parses_to_something_other_than_not_understood()
    {
        foreach (var command in BotCommands.All)
        {
            var parsed = CommandParser.Parse(command.Usage);
            Assert.False(parsed is R.Help { NotUnderstood: not null }, $"{command.Usage} → {parsed}");
        }
    }

    [Fact]
    public void The_help_card_lists_every_command()
    {
        var card = HelpCard.Create().ToJsonString();
        Assert.All(BotCommands.All, c => Assert.Contains(c.Usage, card, StringComparison.Ordinal));
    }
}
