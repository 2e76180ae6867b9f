using IncidentFlows.App.Storage;
using IncidentFlows.Testing;
using static IncidentFlows.App.Tests.Storage.StorageTestData;

namespace IncidentFlows.App.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class ReadModelTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_incident_index_lists_a_teams_incidents_newest_first_in_pages()
    {
        var index = new TableIncidentIndex((await azurite.Server.NewTablesAsync()).IncidentIndex);
        for (var i = 0; i < 7; i++)
        {
            await index.UpsertAsync(new IncidentSummary($"inc-{i}", "payments", $"Incident {i}", "sev2", "open", T0.AddHours(i)));
        }

        await index.UpsertAsync(new IncidentSummary("other", "search", "Not ours", "sev1", "open", T0.AddDays(1)));

        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await index.ListByTeamAsync("payments", status: null, pageSize: 3, token);
            ids.AddRange(page.Items.Select(s => s.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"inc-{i}"), ids);
    }

    [Fact]
    public async Task The_incident_index_filters_by_status_and_updates_in_place()
    {
        var index = new TableIncidentIndex((await azurite.Server.NewTablesAsync()).IncidentIndex);
        var declared = new IncidentSummary("inc-1", "payments", "Checkout failing", "sev1", "open", T0);
        await index.UpsertAsync(declared);
        await index.UpsertAsync(new IncidentSummary("inc-2", "payments", "Slow search", "sev3", "open", T0.AddMinutes(1)));

        await index.UpsertAsync(declared with { Status = "resolved" });

        Assert.Equal([declared with { Status = "resolved" }], (await index.ListByTeamAsync("payments", "resolved", 10)).Items);
        Assert.Equal(["inc-2"], (await index.ListByTeamAsync("payments", "open", 10)).Items.Select(s => s.Id));
        Assert.Empty((await index.ListByTeamAsync("payments", "x' or Status ne '", 10)).Items);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("bm8tc3BhY2U")] // Base64Url of "no-space": not a next-partition/next-row pair
    public async Task A_continuation_token_the_store_did_not_issue_is_refused(string token)
    {
        var index = new TableIncidentIndex((await azurite.Server.NewTablesAsync()).IncidentIndex);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => index.ListByTeamAsync("payments", null, 10, token));

        Assert.Contains("not one this store issued", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversation_references_are_stored_by_any_key()
    {
        var references = TableJsonDocuments.ConversationReferences((await azurite.Server.NewTablesAsync()).ConversationReferences);
        const string key = "19:abc/def#x?y@thread.tacv2;messageid=1";

        await references.UpsertAsync(key, """{"serviceUrl":"https://smba","v":1}""");
        await references.UpsertAsync(key, """{"serviceUrl":"https://smba","v":2}""");

        Assert.Equal("""{"serviceUrl":"https://smba","v":2}""", await references.GetAsync(key));
        Assert.Null(await references.GetAsync("19:abc"));
    }

    [Fact]
    public async Task On_call_documents_over_64_KiB_round_trip_and_shrink_cleanly()
    {
        IOnCallDocuments documents = TableJsonDocuments.OnCallDocuments((await azurite.Server.NewTablesAsync()).OnCallDocuments);
        var big = "{\"layers\":[" + string.Join(',', Enumerable.Range(0, 9_000).Select(i => $"\"user-{i}\"")) + "]}";

        await documents.SaveAsync("payments", big);
        var loadedBig = await documents.LoadAsync("payments");
        await documents.SaveAsync("payments", "{}");

        Assert.True(big.Length > 64 * 1024);
        Assert.Equal(big, loadedBig);
        Assert.Equal("{}", await documents.LoadAsync("payments"));
        Assert.Null(await documents.LoadAsync("search"));
    }

    [Fact]
    public async Task An_on_call_document_over_the_entity_limit_is_refused_with_a_clear_message()
    {
        IOnCallDocuments documents = TableJsonDocuments.OnCallDocuments((await azurite.Server.NewTablesAsync()).OnCallDocuments);

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() => documents.SaveAsync("payments", new string('x', 500_000)));

        Assert.Contains("On-call document 'payments'", error.Message, StringComparison.Ordinal);
        Assert.Null(await documents.LoadAsync("payments"));
    }
}
