using System.Diagnostics;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.Testing;
using IncidentFlows.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using T = IncidentFlows.App.Platform.Telemetry.TelemetryNames.Tags;

namespace IncidentFlows.Server.Tests.Telemetry;

/// <summary>The server's own spans and metrics, read with OpenTelemetry's in-memory exporter.</summary>
[Collection(SharedAzurite.Name)]
public sealed class TelemetrySpecs(AzuriteFixture azurite)
{
    private static readonly object Reporter = new { id = "sam", name = "Sam Okafor" };

    private readonly Exported<Activity> _spans = new();
    private readonly Exported<MetricSnapshot> _metrics = new();

    /// <summary>A server with in-memory exporters.</summary>
    private ServerHost Host(Action<IServiceCollection>? services = null) => new(azurite.Server, new Dictionary<string, string?>(), s =>
    {
        s.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        s.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        services?.Invoke(s);
    });

    [Fact]
    public async Task A_declare_is_an_incident_Declare_span_inside_its_HTTP_request_and_counts_one_declared_incident_by_severity_and_team()
    {
        using var host = Host();

        var id = (await host.DeclareAsync(new { title = "Checkout slow", severity = "sev2", service = "checkout", reporter = Reporter }))["id"]!.GetValue<string>();

        var declare = await Poll.UntilSeenAsync(
            () => _spans.FirstOrDefault(s => s.DisplayName == TelemetryNames.CommandSpan("Declare") && Equals(s.GetTagItem(T.IncidentId), id)),
            () => $"the declare's span among {string.Join(", ", _spans.Select(s => s.DisplayName))}");
        Assert.Equal("changed", declare.GetTagItem(T.Outcome));
        Assert.Equal("sev2", declare.GetTagItem(T.Severity));
        Assert.Equal("platform", declare.GetTagItem(T.Team));
        var request = await Poll.UntilSeenAsync(() => _spans.FirstOrDefault(s => s.SpanId == declare.ParentSpanId), () => "the HTTP request span around the declare");
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal("/api/incidents/", request.GetTagItem("http.route")); // the group's route template
        Assert.Equal("POST", request.GetTagItem("http.request.method"));

        var declared = await Poll.UntilSeenAsync(() => Sum(host, TelemetryNames.IncidentsDeclared) is { Count: > 0 } sums ? sums : null, () => "the declared-incidents counter");
        Assert.Equal([(1L, "sev2", "platform", "real")], declared);
    }

    [Fact]
    public async Task A_page_delivered_two_seconds_after_the_declare_records_two_seconds_of_page_latency()
    {
        using var host = Host(s => s.AddSingleton<IEffectRunner>(sp => new SlowPager(
            ActivatorUtilities.CreateInstance<ConsoleEffectRunner>(sp), TimeSpan.FromSeconds(2))));

        var id = (await host.DeclareAsync(new { title = "Checkout failing", severity = "sev1", service = "checkout", reporter = Reporter }))["id"]!.GetValue<string>();

        await Poll.UntilSeenAsync(
            () => _spans.FirstOrDefault(s => s.DisplayName == TelemetryNames.EffectSpan("Page") && Equals(s.GetTagItem(T.IncidentId), id)),
            () => "the page's span");
        var latency = Points(host, TelemetryNames.PageLatency);
        var page = Assert.Single(latency);
        Assert.Equal(1, page.GetHistogramCount());
        Assert.InRange(page.GetHistogramSum(), 2, 10); // the 2 s delivery and the turn's own few hundred milliseconds
        Assert.Equal([(1L, "sev1", "platform", null)], Sum(host, TelemetryNames.PagesSent));
    }

    [Fact]
    public async Task With_a_collector_and_Application_Insights_configured_the_server_sends_its_traces_to_both()
    {
        await using var receiver = await FakeHttpServer.StartAsync(r => r.Path == "/v2.1/track"
            ? FakeResponse.Ok("""{"itemsReceived":1,"itemsAccepted":1,"errors":[]}""")
            : new FakeResponse(200));
        using var host = new ServerHost(azurite.Server, new Dictionary<string, string?>
        {
            [TelemetryExport.OtlpEndpoint] = receiver.BaseUri.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            [TelemetryExport.ConnectionString] = $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={receiver.BaseUri};LiveEndpoint={receiver.BaseUri}",
        });

        await host.DeclareAsync(new { title = "Checkout slow", severity = "sev2", reporter = Reporter });

        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "the traces were flushed");
        await Poll.UntilSeenAsync(() => receiver.Requests.FirstOrDefault(r => r is { Method: "POST", Path: "/v1/traces" }), () => $"an OTLP export among {string.Join(", ", receiver.Requests.Select(r => r.Path))}");
        await Poll.UntilSeenAsync(() => receiver.Requests.FirstOrDefault(r => r is { Method: "POST", Path: "/v2.1/track" }), () => $"an Application Insights export among {string.Join(", ", receiver.Requests.Select(r => r.Path))}");
    }

    /// <summary>The instrument's points in the latest export, after asking the server to export now.</summary>
    private IReadOnlyList<MetricPoint> Points(ServerHost host, string instrument)
    {
        Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush(), "the metrics were exported");
        return _metrics.Snapshot().LastOrDefault(m => m.Name == instrument)?.MetricPoints ?? [];
    }

    /// <summary>A counter's points as (value, severity, team, kind).</summary>
    private List<(long Value, string? Severity, string? Team, string? Kind)> Sum(ServerHost host, string counter) =>
        [.. Points(host, counter).Select(p => (p.GetSumLong(), Tag(p, T.Severity), Tag(p, T.Team), Tag(p, T.Kind)))];

    private static string? Tag(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
