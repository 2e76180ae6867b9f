using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace IncidentFlows.App.Teams.Graph;

/// <summary>Looks a person up by Entra object id or UPN (<c>GET /users/{id | upn}</c>), for role assignment.</summary>
public sealed class GraphPeople(GraphServiceClient graph) : IPeopleDirectory
{
    public async Task<DirectoryPerson?> FindAsync(string idOrUpn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(idOrUpn);
        try
        {
            var user = await graph.Users[idOrUpn.Trim()].GetAsync(r => r.QueryParameters.Select = ["id", "displayName", "userPrincipalName"], ct);
            return user?.Id is { } id && Guid.TryParse(id, out var guid) ? new DirectoryPerson(guid, user.DisplayName ?? idOrUpn, user.UserPrincipalName) : null;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }
}
