using IncidentFlows.App.Teams.Conversations;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Teams.Graph;

/// <summary>
/// The incidents team as Graph knows it (its Entra group id): from configuration, else learned from
/// the team's installation (Teams sends <c>channelData.team.aadGroupId</c>).
/// </summary>
public sealed class TeamsGraphTarget(IOptions<TeamsOptions> options, ConversationBook book)
{
    public async Task<string> TeamGroupIdAsync(CancellationToken ct) =>
        options.Value.IncidentsTeamGroupId is { Length: > 0 } configured ? configured
        : (await book.TeamAsync(ct))?.TeamGroupId
        ?? throw new InvalidOperationException("The incidents team is unknown: set IncidentFlows:Teams:IncidentsTeamGroupId or install the app in the team.");
}
