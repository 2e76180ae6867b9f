using System.Diagnostics;
using System.Text.Json.Nodes;
using IncidentFlows.App.Teams.Graph;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Testing.Teams;
using NodaTime;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>War rooms and people through Microsoft Graph, against a fake Graph on loopback.</summary>
public sealed class GraphWarRoomSpecs : IAsyncLifetime
{
    private static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 23, 10, 0);
    private TeamsKit _kit = null!;

    private IWarRooms WarRooms => _kit.Get<IWarRooms>();

    public async Task InitializeAsync() => _kit = await TeamsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task The_war_room_is_a_standard_channel_named_for_the_incident_with_a_description()
    {
        var room = await WarRooms.OpenAsync(new IncidentId("INC-42"), "Checkout failing: 500s & timeouts", MondayMorning, default);

        var post = Assert.Single(_kit.Graph.Requests, r => r.Method == "POST");
        Assert.Equal($"/v1.0/teams/{TestTenant.TeamGroupId}/channels", post.Path);
        Assert.Equal("Bearer app-token", post.Header("Authorization"));
        var body = JsonNode.Parse(post.Body)!;
        Assert.Equal("inc-2026-11-23-checkout-failing-500s-timeouts", (string?)body["displayName"]);
        Assert.Equal("standard", (string?)body["membershipType"]);
        Assert.StartsWith("INC-42: Checkout failing", (string?)body["description"], StringComparison.Ordinal);
        Assert.Equal("inc-2026-11-23-checkout-failing-500s-timeouts", room.Name);
        Assert.StartsWith("19:warroom", room.ChannelId, StringComparison.Ordinal);
        Assert.NotNull(room.Url);
    }

    [Fact]
    public async Task The_name_is_unique_among_the_teams_channels()
    {
        _kit.Graph.AddChannel("19:other@thread.tacv2", "inc-2026-11-23-checkout-failing", "INC-41: Checkout failing");

        var room = await WarRooms.OpenAsync(new IncidentId("INC-42"), "Checkout failing", MondayMorning, default);

        Assert.Equal("inc-2026-11-23-checkout-failing-2", room.Name);
    }

    [Fact]
    public async Task A_retried_effect_finds_the_channel_it_made_instead_of_making_another()
    {
        var first = await WarRooms.OpenAsync(new IncidentId("INC-4"), "Search slow", MondayMorning, default);
        var again = await WarRooms.OpenAsync(new IncidentId("INC-4"), "Search slow", MondayMorning, default);
        var other = await WarRooms.OpenAsync(new IncidentId("INC-42"), "Search slow", MondayMorning, default);

        Assert.Equal(first, again);
        Assert.NotEqual(first.ChannelId, other.ChannelId);
        Assert.Equal(2, _kit.Graph.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_throttled_graph_call_is_retried_after_retry_after()
    {
        _kit.Graph.FailNext(new FakeResponse(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", new Dictionary<string, string> { ["Retry-After"] = "1" }));

        var clock = Stopwatch.StartNew();

        await WarRooms.OpenAsync(new IncidentId("INC-42"), "Checkout failing", MondayMorning, default);

        var lists = _kit.Graph.Requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal(2, lists.Count);
        Assert.Equal(lists[0].PathAndQuery, lists[1].PathAndQuery);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed}, Retry-After said 1 s");
    }

    [Fact]
    public async Task Archiving_posts_to_the_channels_archive_action()
    {
        await WarRooms.ArchiveAsync("19:warroom1@thread.tacv2", default);

        var request = Assert.Single(_kit.Graph.Requests);
        Assert.Equal(("POST", $"/v1.0/teams/{TestTenant.TeamGroupId}/channels/19:warroom1@thread.tacv2/archive"), (request.Method, request.Path));
    }

    [Fact]
    public async Task People_are_found_by_upn_or_object_id_and_nobody_is_null()
    {
        _kit.Graph.Users["priya@contoso.example"] = new JsonObject { ["id"] = "5b0c1d6e-1a2b-4c3d-8e4f-000000000004", ["displayName"] = "Priya Shah", ["userPrincipalName"] = "priya@contoso.example" };
        var people = _kit.Get<IPeopleDirectory>();

        var priya = await people.FindAsync("priya@contoso.example", default);
        var nobody = await people.FindAsync("nobody@contoso.example", default);

        Assert.Equal(new DirectoryPerson(Guid.Parse("5b0c1d6e-1a2b-4c3d-8e4f-000000000004"), "Priya Shah", "priya@contoso.example"), priya);
        Assert.Null(nobody);
        Assert.Contains(_kit.Graph.Requests, r => r.PathAndQuery.StartsWith("/v1.0/users/priya@contoso.example?$select=id,displayName,userPrincipalName", StringComparison.Ordinal));
    }
}
