using System.Security.Claims;
using System.Text.Json;
using IncidentFlows.App.Api;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.OnCall;
using IncidentFlows.App.Security;
using IncidentFlows.App.Storage;
using IncidentFlows.App.Tests.Teams;
using IncidentFlows.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Tests.Api;

/// <summary>A person makes and revokes secret links to their own calendar only; a service principal to anyone's.</summary>
public sealed class CalendarLinkSpecs
{
    private const string OliversObjectId = "5b0c1d6e-1a2b-4c3d-8e4f-000000000003";
    private readonly MemoryLinks _links = new();

    [Fact]
    public async Task A_person_asking_for_a_link_gets_one_to_their_own_calendar()
    {
        var (status, body) = await CreateAsync(Person(OliversObjectId), person: null);

        Assert.Equal(StatusCodes.Status201Created, status);
        Assert.Equal("oliver", body.GetProperty("person").GetString());
        Assert.StartsWith("https://incidents.contoso.example/calendar/ifc_", body.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("oliver", Assert.Single(_links.People.Values));
    }

    [Fact]
    public async Task A_person_asking_for_someone_elses_calendar_is_refused_and_nothing_is_stored()
    {
        var (status, body) = await CreateAsync(Person(OliversObjectId), person: "aiko");

        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.Equal("auth.forbidden", body.GetProperty("code").GetString());
        Assert.Empty(_links.People);
    }

    [Fact]
    public async Task A_service_principal_may_make_a_link_to_anyones_calendar_but_must_say_whose()
    {
        var (made, _) = await CreateAsync(ServicePrincipal(), person: "aiko");
        var (unsaid, body) = await CreateAsync(ServicePrincipal(), person: null);
        var (unknown, _) = await CreateAsync(ServicePrincipal(), person: "nobody");

        Assert.Equal((201, 400, 400), (made, unsaid, unknown));
        Assert.True(body.GetProperty("errors").TryGetProperty("person", out _));
        Assert.Equal("aiko", Assert.Single(_links.People.Values));
    }

    private async Task<(int Status, JsonElement Body)> CreateAsync(ClaimsPrincipal user, string? person)
    {
        var documents = new MemoryDocuments();
        var teams = new TeamConfigurations(documents);
        Assert.Empty(await teams.ReplaceAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find().FullName, "samples", "teams", "follow-the-sun.json")), serverTeam: null, default));
        var options = new IncidentFlowsOptions();
        options.Teams.PublicBaseUrl = new Uri("https://incidents.contoso.example/");
        var http = new DefaultHttpContext { User = user, RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new { person }));
        http.Response.Body = new MemoryStream();

        var result = await CalendarLinkEndpoints.CreateAsync(http, teams, _links, Options.Create(options));
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, JsonDocument.Parse(http.Response.Body).RootElement.Clone());
    }

    private static ClaimsPrincipal Person(string objectId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, objectId), new Claim(ClaimTypes.Name, "Oliver Hughes")], "Bearer"));

    private static ClaimsPrincipal ServicePrincipal() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "apikey:ci"), new Claim(ClaimTypes.Name, "ci"), new Claim(TeamClaims.ServicePrincipal, "true")], "ApiKey"));

    private sealed class MemoryLinks : ICalendarLinks
    {
        public Dictionary<string, string> People { get; } = [];

        public Task AddAsync(string team, string tokenSha256, string person, CancellationToken ct = default)
        {
            People[tokenSha256] = person;
            return Task.CompletedTask;
        }

        public Task<string?> FindPersonAsync(string team, string tokenSha256, CancellationToken ct = default) =>
            Task.FromResult(People.GetValueOrDefault(tokenSha256));

        public Task<int> RevokeAsync(string team, string person, CancellationToken ct = default) =>
            Task.FromResult(People.Where(p => p.Value == person).ToList().Count(p => People.Remove(p.Key)));
    }
}
