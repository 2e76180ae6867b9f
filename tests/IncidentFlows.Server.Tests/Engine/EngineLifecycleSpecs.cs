using System.Globalization;
using DurableTask.Core;
using IncidentFlows.Server.Engine;
using IncidentFlows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.Server.Tests.Engine;

/// <summary>
/// The standalone server on the Durable Task Framework (Azure Storage provider on Azurite), real time:
/// each incident an orchestration running the same turn as the Functions host.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class EngineLifecycleSpecs(AzuriteFixture azurite)
{
    private static readonly object CheckoutSev1 = new { title = "Checkout failing", severity = "sev1", service = "checkout" };
    private static readonly object Oliver = new { by = new { id = "oliver", name = "Oliver Hughes" } };

    [Fact]
    public async Task Unacknowledged_the_next_level_is_paged_once_at_the_timeout_then_ack_resolve_and_close_complete_the_orchestration()
    {
        var pages = new PageRecorder();
        using var host = EngineServer.Start(azurite.Server, pages, await TeamFiles.FastAsync(ackSeconds: 10));

        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();
        var first = await host.EventuallyAsync(id, i => i["escalation"]?["ackDeadline"] is not null && i["announcement"] is not null, "level 1 paged", TimeSpan.FromSeconds(30));
        var deadline = DateTimeOffset.Parse(first["escalation"]!["ackDeadline"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        await host.EventuallyAsync(id, i => i["escalation"]!["level"]!.GetValue<int>() == 2, "level 2 paged after the 10 s timeout", TimeSpan.FromSeconds(100));
        await host.PostAsync($"/api/incidents/{id}/acknowledge", Oliver);
        await host.EventuallyAsync(id, i => i["escalation"]?["ackDeadline"] is null, "the acknowledgement", TimeSpan.FromSeconds(20));
        await host.PostAsync($"/api/incidents/{id}/resolve", new { summary = "rolled back", by = new { id = "oliver", name = "Oliver Hughes" } });
        await host.EventuallyAsync(id, i => i["status"]!.GetValue<string>() == "resolved", "the resolve", TimeSpan.FromSeconds(20));
        await host.PostAsync($"/api/incidents/{id}/close", Oliver);
        await host.EventuallyAsync(id, i => i["status"]!.GetValue<string>() == "closed", "the close", TimeSpan.FromSeconds(20));

        Assert.Equal(1, pages.PagesOf(id, 1));
        Assert.Equal(1, pages.PagesOf(id, 2));
        var secondPage = pages.Pages.Single(p => p.Incident == id && p.Level == 2).At;
        Assert.InRange(secondPage - deadline, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(
            ["declared", "escalation", "paged", "paged", "acknowledged", "status", "status"],
            (await host.TimelineKindsAsync(id)).Where(k => k is not ("war room" or "announcement")));
        var engine = host.Services.GetRequiredService<IncidentEngine>();
        await Poll.UntilAsync(
            async () => await engine.Client.GetOrchestrationStateAsync(id) is { OrchestrationStatus: OrchestrationStatus.Completed } done ? done : null,
            () => $"the orchestration of {id} to complete after the close",
            TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Three_commands_sent_back_to_back_all_land_in_order()
    {
        var pages = new PageRecorder();
        using var host = EngineServer.Start(azurite.Server, pages);
        var id = (await host.DeclareAsync(new { title = "Search is slow", severity = "sev3" }))["id"]!.GetValue<string>();
        await host.EventuallyAsync(id, i => i["announcement"] is not null, "the declare's announcement", TimeSpan.FromSeconds(30));

        await host.PostAsync($"/api/incidents/{id}/acknowledge", Oliver);
        await host.PostAsync($"/api/incidents/{id}/updates", new { text = "Index rebuild running", by = new { id = "oliver", name = "Oliver Hughes" } });
        await host.PostAsync($"/api/incidents/{id}/resolve", new { summary = "index rebuilt", by = new { id = "oliver", name = "Oliver Hughes" } });
        await host.EventuallyAsync(id, i => i["status"]!.GetValue<string>() == "resolved", "all three commands", TimeSpan.FromSeconds(30));

        var kinds = await host.TimelineKindsAsync(id);
        Assert.Equal(["acknowledged", "update", "status"], kinds.Where(k => k is "acknowledged" or "update" or "status"));
    }

    [Fact]
    public async Task Each_team_and_table_prefix_gets_its_own_task_hub()
    {
        using var host = EngineServer.Start(azurite.Server, new PageRecorder());

        var engine = host.Services.GetRequiredService<IncidentEngine>();

        Assert.Equal(EngineSettings.TaskHubNameFor(host.TablePrefix, "platform"), engine.TaskHubName);
        Assert.StartsWith("if" + host.TablePrefix.ToLowerInvariant(), engine.TaskHubName, StringComparison.Ordinal);
    }
}
