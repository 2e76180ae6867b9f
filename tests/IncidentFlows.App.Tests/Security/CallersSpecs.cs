using System.Security.Claims;
using IncidentFlows.App.Api;
using IncidentFlows.App.Security;
using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Tests.Security;

/// <summary>The actor of a command is the authenticated caller; only a service principal acts on behalf of someone, and says so.</summary>
public class CallersSpecs
{
    private static readonly PersonBody Oliver = new("oliver", "Oliver Hughes");

    [Fact]
    public void An_api_key_naming_a_person_is_recorded_as_acting_on_their_behalf()
    {
        var actor = Callers.Actor(ApiKey("chatops"), Oliver);

        Assert.Equal(new Person("oliver", "Oliver Hughes") { Via = "chatops" }, actor);
        Assert.Equal("chatops on behalf of Oliver Hughes", actor.Shown());
    }

    [Fact]
    public void An_api_key_naming_nobody_is_the_actor_itself()
    {
        Assert.Equal("chatops", Callers.Actor(ApiKey("chatops"), null).Shown());
    }

    [Fact]
    public void An_entra_user_is_recorded_by_object_id_and_display_name_not_as_anonymous()
    {
        var user = Entra(("oid", "5f2c9a1e"), ("name", "Megan Bowen"), ("scp", "Incidents.ReadWrite"));

        Assert.Equal(new Person("5f2c9a1e", "Megan Bowen"), Callers.Actor(user, null));
    }

    [Fact]
    public void An_entra_user_naming_someone_else_is_refused_on_the_by_field_and_never_recorded_as_them()
    {
        var user = Entra(("oid", "5f2c9a1e"), ("name", "Megan Bowen"), ("scp", "Incidents.ReadWrite"));

        Assert.Equal("by", Callers.OnBehalfProblem(user, Oliver, "by")?.Field);
        Assert.Null(Callers.OnBehalfProblem(user, new PersonBody("5f2c9a1e", "Megan"), "by")); // naming oneself is fine
        Assert.Equal("Megan Bowen", Callers.Actor(user, Oliver).Shown());
    }

    [Fact]
    public void An_app_only_entra_token_is_a_service_principal_that_may_act_on_behalf_of_someone()
    {
        var app = Entra(("oid", "sp-object-id"), ("azp", "1b4e-client"), ("roles", "IncidentFlows.Respond"));

        Assert.Null(Callers.OnBehalfProblem(app, Oliver, "by"));
        Assert.Equal("application 1b4e-client on behalf of Oliver Hughes", Callers.Actor(app, Oliver).Shown());
        Assert.Equal(AccessRole.Respond, AccessRoles.Highest(app));
    }

    private static ClaimsPrincipal ApiKey(string name) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "apikey:" + name), new Claim(ClaimTypes.Name, name), new Claim(TeamClaims.ServicePrincipal, "true")], "ApiKey"));

    private static ClaimsPrincipal Entra(params (string Type, string Value)[] claims)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));
        EntraClaims.Normalize(principal, bearer: true);
        return principal;
    }
}
