using System.Text.RegularExpressions;
using IncidentFlows.App.Api;
using IncidentFlows.Domain.Incidents;
using I = IncidentFlows.App.Teams.Commands.IncidentIntent;

namespace IncidentFlows.App.Teams.Commands;

/// <summary>
/// Reads a message (bot mention already stripped) as a <see cref="BotRequest"/>. Forgiving: any case,
/// small typos in the command word ("acknowlege", "reslove"), the incident id before or after it
/// ("INC-42 ack", "ack inc-42"), "sev1" or "sev 1". Anything else is a request for help, never silence.
/// </summary>
public static partial class CommandParser
{
    /// <summary>
    /// Commands that wake people or cannot be taken back: a typo of one is asked about ("Did you mean close
    /// INC-9?"), never run. "chose" must not close an incident, nor "back to normal" acknowledge a page, nor "review" stop
    /// the time to learn of a postmortem nobody has read.
    /// </summary>
    public static readonly IReadOnlySet<string> Guarded = new HashSet<string>(StringComparer.Ordinal) { "ack", "resolve", "close", "reopen", "reviewed" };

    private static readonly IncidentStatus[] GuardedStatuses = [IncidentStatus.Resolved, IncidentStatus.Closed, IncidentStatus.Declined];

    private static readonly string[] StatusWords = [.. Enum.GetNames<IncidentStatus>().Select(n => n.ToLowerInvariant())];

    public static BotRequest Parse(string? text)
    {
        text ??= "";
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var incident = TakeIncidentId(words, 0) ?? TakeIncidentId(words, 1);
        if (words.Count == 0)
        {
            return incident is null ? new BotRequest.Help(null) : new BotRequest.Show(incident);
        }

        var first = words[0];
        var inlineSeverity = SevWord().IsMatch(first) ? SeverityNames.Parse(first) : null;
        var name = inlineSeverity is not null ? "sev" : CommandName(first);
        if (name is not null && Guarded.Contains(name) && ExactName(first) is null)
        {
            return new BotRequest.DidYouMean(name, incident, text.Trim());
        }

        var rest = string.Join(' ', words.Skip(1));
        return name switch
        {
            "declare" => Declare(rest, IncidentKind.Real, Domain.Incidents.Severity.Sev3),
            "drill" => Declare(rest, IncidentKind.Drill, Domain.Incidents.Severity.Sev4),
            "ack" => For(incident, new I.Acknowledge()),
            "join" => For(incident, new I.Join()),
            "status" => Status(incident, words.Skip(1).ToList(), text),
            "sev" => SeverityChange(incident, inlineSeverity, words.Skip(1).ToList(), text),
            "lead" => For(incident, new I.AssignRole(IncidentRole.Lead, OrMe(rest))),
            "comms" => For(incident, new I.AssignRole(IncidentRole.CommunicationsLead, OrMe(rest))),
            "scribe" => For(incident, new I.AssignRole(IncidentRole.Scribe, OrMe(rest))),
            "title" when rest.Length > 0 => For(incident, new I.Retitle(rest)),
            "update" when rest.Length > 0 => For(incident, new I.PostUpdate(rest)),
            "note" when rest.Length > 0 => For(incident, new I.AddNote(rest)),
            "action" when rest.Length > 0 => For(incident, new I.AddAction(rest)),
            "resolve" => For(incident, new I.Resolve(rest.Length > 0 ? rest : null)),
            "close" => For(incident, new I.Close()),
            "reopen" => For(incident, new I.Reopen(rest)),
            "reviewed" => For(incident, new I.MarkPostmortemReviewed()),
            "oncall" => new BotRequest.OnCall(),
            "pin" => new BotRequest.Pin(),
            "help" => new BotRequest.Help(null),
            _ => new BotRequest.Help(text),
        };
    }

    /// <summary>The command a word names: exactly, by alias, or by a small typo; null otherwise.</summary>
    public static string? CommandName(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (ExactName(word) is { } exact)
        {
            return exact;
        }

        var lower = word.ToLowerInvariant().TrimEnd(':', ',', '!', '.');
        var closest = Typos.Closest(lower, BotCommands.All.Select(c => c.Name).Concat(BotCommands.Aliases.Keys));
        return closest is null ? null : BotCommands.Aliases.GetValueOrDefault(closest, closest);
    }

    /// <summary>The command a word names exactly or by alias; typos are not forgiven here.</summary>
    private static string? ExactName(string word)
    {
        var lower = word.ToLowerInvariant().TrimEnd(':', ',', '!', '.');
        return BotCommands.All.Any(c => c.Name == lower) ? lower : BotCommands.Aliases.GetValueOrDefault(lower);
    }

    private static BotRequest.ForIncident For(IncidentId? incident, IncidentIntent intent) => new BotRequest.ForIncident(incident, intent);

    private static BotRequest Declare(string rest, IncidentKind kind, Severity fallback)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        Severity? severity = null;
        var at = words.FindIndex(w => SevWord().IsMatch(w));
        if (at >= 0)
        {
            severity = SeverityNames.Parse(words[at]);
            if (severity is null)
            {
                return new BotRequest.Refused($"'{words[at]}' is not a severity; use SEV0 (worst) to SEV4."); // as the HTTP API says
            }

            words.RemoveAt(at);
        }

        var title = string.Join(' ', words);
        return new BotRequest.Declare(title.Length == 0 ? severity : severity ?? fallback, title, kind);
    }

    private static BotRequest Status(IncidentId? incident, List<string> args, string text)
    {
        if (args.Count == 0)
        {
            return new BotRequest.Show(incident);
        }

        var word = args[0].ToLowerInvariant();
        var exact = IncidentStatuses.Parse(word);
        var status = exact ?? IncidentStatuses.Parse(Typos.Closest(word, StatusWords));
        if (exact is null && status is { } guessed && GuardedStatuses.Contains(guessed))
        {
            return new BotRequest.DidYouMean($"status {guessed.Display()}", incident, text.Trim());
        }

        var note = string.Join(' ', args.Skip(1));
        return status is { } s ? For(incident, new I.SetStatus(s, note.Length > 0 ? note : null)) : new BotRequest.Help(text);
    }

    private static BotRequest SeverityChange(IncidentId? incident, Severity? inline, List<string> args, string text)
    {
        var severity = inline;
        if (severity is null && args.Count > 0)
        {
            severity = SeverityNames.Parse(args[0]) ?? (args.Count > 1 ? SeverityNames.Parse(args[0] + args[1]) : null);
            var used = SeverityNames.Parse(args[0]) is not null ? 1 : 2;
            args = [.. args.Skip(used)];
        }

        var reason = string.Join(' ', args.SkipWhile(w => w.Equals("because", StringComparison.OrdinalIgnoreCase)));
        return severity is { } s ? For(incident, new I.SetSeverity(s, reason.Length > 0 ? reason : null)) : new BotRequest.Help(text);
    }

    private static string OrMe(string who) => who.Length == 0 ? "me" : who;

    private static IncidentId? TakeIncidentId(List<string> words, int index)
    {
        if (index >= words.Count || !IncidentWord().IsMatch(words[index]) || !IncidentIds.IsWellFormed(words[index]))
        {
            return null;
        }

        var id = new IncidentId(words[index].ToUpperInvariant());
        words.RemoveAt(index);
        return id;
    }

    [GeneratedRegex(@"^inc-\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex IncidentWord();

    [GeneratedRegex(@"^(sev|s|p)\d$", RegexOptions.IgnoreCase)]
    private static partial Regex SevWord();
}
