using System.Text.Json.Nodes;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Teams.Cards;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Options;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.App.Teams;

/// <summary>
/// Card buttons (Action.Execute verbs, or Action.Submit data with a verb) → a command → the card to
/// show instead. A refused command keeps the incident card and says why on it; the postmortem's button keeps the postmortem card.
/// </summary>
public sealed class BotCardActions(IncidentDeclarations declarations, IIncidentCommands commands, IncidentRepository incidents, TeamsPeople people, IOptions<TeamsOptions> options)
{
    public async Task<JsonObject> RunAsync(string verb, JsonObject data, Person by, string? key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (verb == CardVerbs.Declare)
        {
            return await DeclareAsync(data, by, key, ct);
        }

        if (Text(data, CardVerbs.IncidentKey) is not { } incidentText)
        {
            return HelpCard.Create($"a card button ({verb}) without an incident");
        }

        var id = new IncidentId(incidentText);
        C? command = verb switch
        {
            CardVerbs.Acknowledge => new C.Acknowledge(by),
            CardVerbs.Join => new C.Join(by),
            CardVerbs.Resolve => new C.Resolve(by, Text(data, "summary")),
            CardVerbs.Close => new C.Close(by),
            CardVerbs.ReviewPostmortem => new C.MarkPostmortemReviewed(by),
            CardVerbs.ContinueTutorial => new C.ContinueTutorial(by),
            CardVerbs.Status when IncidentStatuses.Parse(Text(data, "status")) is { } status => new C.ChangeStatus(status, by, Text(data, "note")),
            CardVerbs.Update when Text(data, "text") is { } text => new C.PostUpdate(text, by, key),
            CardVerbs.AddAction when Text(data, "title") is { } title =>
                new C.AddActionItem(new ActionItemDetails(title, Importance.Medium, Urgency.Medium, ActionItemSize.Days), by, key),
            CardVerbs.ReviewOwner when Text(data, "owner") is { } owner =>
                new C.AddActionItem(PostmortemCard.ReviewItem(id, people.From(new Protocol.ChannelAccount(owner, null, owner))), by, key),
            _ => null,
        };
        if (command is null)
        {
            return await CardAsync(id, $"That button ({verb}) needs more input.", ct);
        }

        var result = await commands.HandleAsync(id, command, ct);
        return result.State switch
        {
            { } state when result.Decision.Events.OfType<IncidentEvent.TutorialContinued>().FirstOrDefault() is { } read => TutorialCard.Read(state, read.Step),
            { } state when command is C.MarkPostmortemReviewed || verb is CardVerbs.AddAction or CardVerbs.ReviewOwner =>
                PostmortemCard.For(state, result.Decision.Error?.Message, options.Value.PublicBaseUrl),
            { } state => IncidentCard.For(state, result.Decision.Error?.Message),
            _ => HelpCard.Create($"{id}: {result.Decision.Error?.Message}"),
        };
    }

    private async Task<JsonObject> DeclareAsync(JsonObject data, Person by, string? key, CancellationToken ct)
    {
        if (Text(data, "title") is not { } title)
        {
            return DeclareCard.Create(data.Count == 0 ? null : "Say what is wrong: the title is empty.");
        }

        var severity = SeverityNames.Parse(Text(data, "severity")) ?? Severity.Sev3;
        var kind = Text(data, "drill") == "true" ? IncidentKind.Drill : IncidentKind.Real;
        var declare = new C.Declare(default, title, severity, by, kind, Text(data, "service"));
        var result = await declarations.DeclareAsync(declare, key is null ? null : "teams:" + key, ct);
        return result.State is { } state ? IncidentCard.For(state) : DeclareCard.Create(result.Decision.Error?.Message);
    }

    private async Task<JsonObject> CardAsync(IncidentId id, string problem, CancellationToken ct) =>
        (await incidents.LoadAsync(id, ct)).State is { } state ? IncidentCard.For(state, problem) : HelpCard.Create($"{id}: {problem}");

    private static string? Text(JsonObject data, string key) =>
        data[key] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
