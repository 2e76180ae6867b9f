using System.Globalization;
using System.Text.Json;
using IncidentFlows.Testing;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>The Durable settings in host.json (one file at the repository root, copied next to the worker).</summary>
public sealed class HostJsonSpecs
{
    [Fact]
    public void The_Azure_Storage_provider_polls_an_idle_task_hub_at_most_every_second_so_a_page_is_not_held_by_the_30_second_default()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find().FullName, "host.json")));

        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");
        var polling = TimeSpan.Parse(
            durable.GetProperty("storageProvider").GetProperty("maxQueuePollingInterval").GetString()!, CultureInfo.InvariantCulture);

        Assert.InRange(polling, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));
        Assert.Equal("IncidentFlows", durable.GetProperty("hubName").GetString());
    }
}
