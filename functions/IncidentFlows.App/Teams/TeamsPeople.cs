using IncidentFlows.App.OnCall;
using IncidentFlows.App.Teams.Graph;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall;

namespace IncidentFlows.App.Teams;

/// <summary>
/// Who a Teams user is in incidents: the team member with that Entra object id (so Oliver is
/// "oliver" whether he acts from Teams or the API), else the Entra object id itself, else the
/// channel-specific Teams id. Assignees named by mention, member id, UPN or object id resolve the same way.
/// </summary>
public sealed class TeamsPeople(TeamConfigurations team, IPeopleDirectory directory)
{
    public Person From(ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (Guid.TryParse(account.AadObjectId, out var aad) && MemberByEntraId(aad) is { } member)
        {
            return new Person(member.Id, member.Name);
        }

        var id = account.AadObjectId is { Length: > 0 } a ? a : account.Id;
        return new Person(id, account.Name is { Length: > 0 } name ? name : id);
    }

    /// <summary>The person an assignment names; null with a reason when nobody matches.</summary>
    public async Task<Person?> FindAsync(string who, Person me, IReadOnlyList<Mention> mentions, Func<Mention, Task<ChannelAccount?>> memberOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(memberOf);
        var text = who.Trim();
        if (text.Equals("me", StringComparison.OrdinalIgnoreCase) || text.Equals("myself", StringComparison.OrdinalIgnoreCase))
        {
            return me;
        }

        if (mentions.FirstOrDefault(m => text.Contains(m.Text, StringComparison.Ordinal) && m.Text.Length > 0) is { } mention)
        {
            return await memberOf(mention) is { } account ? From(account with { Name = account.Name ?? mention.Name }) : new Person(mention.Id, mention.Name);
        }

        if (team.Configuration.People.TryGetValue(text.ToLowerInvariant(), out var member))
        {
            return new Person(member.Id, member.Name);
        }

        var byUpn = team.Configuration.People.Values.FirstOrDefault(p => string.Equals(p.Teams.UserPrincipalName, text, StringComparison.OrdinalIgnoreCase));
        if (byUpn is not null)
        {
            return new Person(byUpn.Id, byUpn.Name);
        }

        return await directory.FindAsync(text, ct) is { } found
            ? MemberByEntraId(found.EntraObjectId) is { } known ? new Person(known.Id, known.Name) : new Person(found.EntraObjectId.ToString(), found.DisplayName)
            : null;
    }

    /// <summary>The team member a person id stands for (to page them), if any.</summary>
    public TeamMember? Member(string personId) =>
        team.Configuration.People.TryGetValue(personId, out var m) ? m
        : Guid.TryParse(personId, out var aad) ? MemberByEntraId(aad) : null;

    /// <summary>The Entra object id to message a person at: their team member's, or the id itself when it is one.</summary>
    public Guid? EntraIdOf(string personId) =>
        Member(personId)?.Teams.EntraObjectId ?? (Guid.TryParse(personId, out var aad) ? aad : null);

    /// <summary>A team member's name for messages (ids in configuration are short, names are what people read).</summary>
    public string NameOf(string personId) => Member(personId)?.Name ?? personId;

    private TeamMember? MemberByEntraId(Guid aad) => team.Configuration.People.Values.FirstOrDefault(p => p.Teams.EntraObjectId == aad);
}
