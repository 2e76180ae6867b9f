using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentFlows.App.Api;
using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.Learning;
using NodaTime;

namespace IncidentFlows.App.Tests.Api;

public class MetricsViewSpecs
{
    private static readonly Interval Week = new(Instant.FromUtc(2026, 11, 16, 0, 0), Instant.FromUtc(2026, 11, 23, 0, 0));

    private static JsonObject Json(MetricsReport report) =>
        JsonNode.Parse(JsonSerializer.Serialize(MetricsView.Of(report), ApiJson.Options))!.AsObject();

    [Fact]
    public void Durations_are_iso_8601_and_figures_that_were_not_measured_are_null()
    {
        var report = new MetricsReport(
            Week, 1, 0, 0, Duration.FromSeconds(7), null, Duration.FromMinutes(125) + Duration.FromSeconds(7), null,
            null, 1, null, 0, 1,
            ValueList.From([new MetricCount("SEV2", 1)]), ValueList<MetricCount>.Empty, ValueList<MetricCount>.Empty);

        var json = Json(report);

        Assert.Equal("PT7S", json["meanTimeToAcknowledge"]!.GetValue<string>());
        Assert.Equal("PT2H5M7S", json["meanTimeToResolve"]!.GetValue<string>());
        Assert.True(json.ContainsKey("meanTimeToMuster"));
        Assert.Null(json["meanTimeToMuster"]);
        Assert.True(json.ContainsKey("meanTimeBetweenFailures"));
        Assert.Equal("2026-11-16T00:00:00Z", json["period"]!["from"]!.GetValue<string>());
    }

    [Fact]
    public void Time_to_learn_and_to_improve_sit_beside_the_others_with_how_many_are_still_running()
    {
        var report = new MetricsReport(
            Week, 3, 0, 0, null, null, null, null,
            Duration.FromHours(36), 1, null, 2, 1,
            ValueList<MetricCount>.Empty, ValueList<MetricCount>.Empty, ValueList<MetricCount>.Empty);

        var json = Json(report);

        Assert.Equal("P1DT12H", json["meanTimeToLearn"]!.GetValue<string>());
        Assert.True(json.ContainsKey("meanTimeToImprove"));
        Assert.Null(json["meanTimeToImprove"]);
        Assert.Equal((1, 2, 1), (json["timeToLearnRunning"]!.GetValue<int>(), json["timeToImproveRunning"]!.GetValue<int>(), json["withoutActionItems"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData(0, "PT0S")]
    [InlineData(0.4, "PT0S")]
    [InlineData(0.6, "PT1S")]
    [InlineData(90061, "P1DT1H1M1S")]
    public void A_mean_is_whole_seconds_and_zero_is_pt0s_not_p0d(double seconds, string iso) =>
        Assert.Equal(iso, MetricsView.Iso(Duration.FromMilliseconds(seconds * 1000)));
}
