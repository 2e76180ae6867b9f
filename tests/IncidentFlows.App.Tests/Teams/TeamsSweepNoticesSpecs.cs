using System.Text.Json.Nodes;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Sweeps;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.OnCall;
using NodaTime;

using IncidentFlows.Testing.Teams;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>Handoff digests, overdue action items and tutorial steps in Teams, against the fake Connector.</summary>
public sealed class TeamsSweepNoticesSpecs : IAsyncLifetime
{
    private static readonly Instant Handoff = Instant.FromUtc(2026, 11, 23, 10, 0);
    private static readonly Guid PriyasEntraId = Guid.Parse("5b0c1d6e-1a2b-4c3d-8e4f-000000000004");
    private TeamsKit _kit = null!;

    private ISweepNotices Notices => _kit.Get<ISweepNotices>();

    public async Task InitializeAsync() => _kit = await TeamsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task A_handoff_digest_is_posted_once_in_the_incidents_channel_with_names_and_open_incidents()
    {
        var entry = new HandoffDigestEntry("follow-the-sun", Handoff, ["oliver"], ["priya"],
            [new OpenIncidentSummary("INC-3", "Checkout failing", "SEV2", "checkout", Handoff - Duration.FromHours(2))]);

        await Notices.SendHandoffDigestAsync(entry, default);
        await Notices.SendHandoffDigestAsync(entry, default);

        var post = JsonNode.Parse(Assert.Single(_kit.Connector.Requests).Body)!;
        Assert.Equal(TestTenant.IncidentsChannel, (string?)post["channelData"]!["channel"]!["id"]);
        var text = (string)post["activity"]!["text"]!;
        Assert.Contains("Oliver Hughes → Priya Shah", text, StringComparison.Ordinal);
        Assert.Contains("- **INC-3** SEV2: Checkout failing", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_action_item_goes_to_its_assignee_one_to_one()
    {
        await _kit.Get<ConversationBook>().SaveUserAsync(PriyasEntraId.ToString(), new ConversationReference(_kit.Connector.ServiceUrl.AbsoluteUri, "a:priya-chat", "tenant-1", TestTenant.AppId, "29:priya"), default);

        await Notices.RemindOverdueAsync(Overdue(new Person("priya", "Priya Shah")), default);

        var send = Assert.Single(_kit.Connector.Requests);
        Assert.Equal("/v3/conversations/a:priya-chat/activities", send.Path);
        Assert.Contains("Action item 2 of **INC-3** is 3 day(s) overdue: Alert on checkout 5xx", send.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_item_nobody_can_be_messaged_about_goes_to_the_incidents_channel()
    {
        await Notices.RemindOverdueAsync(Overdue(assignee: null), default);

        var post = JsonNode.Parse(Assert.Single(_kit.Connector.Requests).Body)!;
        Assert.Equal(TestTenant.IncidentsChannel, (string?)post["channelData"]!["channel"]!["id"]);
        Assert.EndsWith("Assignee: nobody.", (string)post["activity"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tutorial_step_goes_one_to_one_to_whoever_declared_it_once()
    {
        var samsEntraId = "5b0c1d6e-1a2b-4c3d-8e4f-000000000007";
        await _kit.Get<ConversationBook>().SaveUserAsync(samsEntraId, new ConversationReference(_kit.Connector.ServiceUrl.AbsoluteUri, "a:sam-chat", "tenant-1", TestTenant.AppId, "29:sam"), default);
        var guide = new Domain.Incidents.Effects.IncidentEffect.GuideTutorial(TutorialStep.SetLead) { Incident = new IncidentId("INC-42") };

        await _kit.Get<IEffectRunner>().RunAsync(guide, TeamsKit.Declared(), default);
        await _kit.Get<IEffectRunner>().RunAsync(guide, TeamsKit.Declared(), default);

        var send = Assert.Single(_kit.Connector.Requests);
        Assert.Equal("/v3/conversations/a:sam-chat/activities", send.Path);
        Assert.Equal($"**INC-42 (tutorial)**: {Tutorial.Instruction(TutorialStep.SetLead)}", (string?)JsonNode.Parse(send.Body)!["text"]);
        Assert.Equal("INC-42", await _kit.Get<ConversationBook>().IncidentOfChannelAsync("a:sam-chat", default)); // the chat is the tutorial's while it runs
    }

    [Fact]
    public async Task The_tutorials_first_step_has_a_start_button_and_its_last_gives_the_chat_back_and_the_incident_on_the_web()
    {
        var samsEntraId = "5b0c1d6e-1a2b-4c3d-8e4f-000000000007";
        await _kit.Get<ConversationBook>().SaveUserAsync(samsEntraId, new ConversationReference(_kit.Connector.ServiceUrl.AbsoluteUri, "a:sam-chat", "tenant-1", TestTenant.AppId, "29:sam"), default);
        var id = new IncidentId("INC-42");

        await _kit.Get<IEffectRunner>().RunAsync(new Domain.Incidents.Effects.IncidentEffect.GuideTutorial(TutorialStep.Introduction) { Incident = id }, TeamsKit.Declared(), default);
        await _kit.Get<IEffectRunner>().RunAsync(new Domain.Incidents.Effects.IncidentEffect.GuideTutorial(TutorialStep.Done) { Incident = id }, TeamsKit.Declared(), default);

        var start = JsonNode.Parse(_kit.Connector.Requests[0].Body)!["attachments"]![0]!["content"]!["actions"]![0]!;
        Assert.Equal(("Start", "continueTutorial"), ((string?)start["title"], (string?)start["verb"]));
        Assert.Null(await _kit.Get<ConversationBook>().IncidentOfChannelAsync("a:sam-chat", default));
    }

    private static OverdueActionItem Overdue(Person? assignee) => new(
        new IncidentId("INC-3"),
        new ActionItem(2, new ActionItemDetails("Alert on checkout 5xx", Importance.High, Urgency.High, ActionItemSize.Hours, Assignee: assignee), new Person("sam", "Sam Okafor"), Handoff),
        new LocalDate(2026, 11, 20),
        3);
}
