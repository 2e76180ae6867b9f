using IncidentFlows.App.Storage;
using IncidentFlows.Testing;
using static IncidentFlows.App.Tests.Storage.StorageTestData;

namespace IncidentFlows.App.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class TimelineTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_10000_event_timeline_pages_through_every_event_in_order()
    {
        var tables = await azurite.Server.NewTablesAsync();
        var store = new TableEventStore(tables.Incidents, EventContracts.Any);
        var timeline = new TableTimeline(tables.Incidents, EventContracts.Any);
        const int commits = 1_000, eventsPerCommit = 10;
        for (var c = 0; c < commits; c++)
        {
            var events = Enumerable.Range(c * eventsPerCommit, eventsPerCommit).Select(n => Event("NoteAdded", n)).ToList();
            await store.AppendAsync("inc-long", c, new NewCommit(events, "{}"));
        }

        var read = new List<TimelineEntry>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await timeline.ReadPageAsync("inc-long", 64, token);
            Assert.True(page.Items.Count <= 64 * eventsPerCommit);
            read.AddRange(page.Items);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(10_000, read.Count);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(n => $$"""{"n":{{n}}}"""), read.Select(e => e.Event.Data));
        Assert.Equal(Enumerable.Range(1, commits).SelectMany(s => Enumerable.Repeat((long)s, eventsPerCommit)), read.Select(e => e.Sequence));
        Assert.True(pages >= 16, $"expected at least 16 pages of 64 commits, got {pages}");
        Assert.Equal(read.Select(e => e.Event), (await store.LoadEventsAsync("inc-long")).Events);
    }

    [Fact]
    public async Task The_timeline_of_another_incident_does_not_leak_into_this_one()
    {
        var tables = await azurite.Server.NewTablesAsync();
        var store = new TableEventStore(tables.Incidents, EventContracts.Any);
        await store.AppendAsync("inc-a", 0, Commit(1));
        await store.AppendAsync("inc-b", 0, Commit(2));

        var page = await new TableTimeline(tables.Incidents, EventContracts.Any).ReadPageAsync("inc-a", 100);

        Assert.Equal([new TimelineEntry(1, Event("NoteAdded", 1))], page.Items);
        Assert.Null(page.ContinuationToken);
    }
}
