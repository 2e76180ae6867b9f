namespace IncidentFlows.Server.Tests.Alerts;

/// <summary>Payloads shaped exactly as the senders send them (Alertmanager webhook v4, Grafana, Azure common alert schema).</summary>
internal static class AlertSamples
{
    public static string Alertmanager(string status = "firing", string fingerprint = "c5a4f1e1d2b3a4f5", string? service = "checkout", int truncated = 0, string startsAt = "2026-11-23T09:58:30Z") => $$"""
        {
          "version": "4",
          "groupKey": "{}:{alertname=\"CheckoutErrorRate\"}",
          "truncatedAlerts": {{truncated}},
          "status": "{{status}}",
          "receiver": "incidentflows",
          "groupLabels": { "alertname": "CheckoutErrorRate" },
          "commonLabels": { "alertname": "CheckoutErrorRate", "severity": "critical" },
          "commonAnnotations": {},
          "externalURL": "http://alertmanager.example:9093",
          "alerts": [
            {
              "status": "{{status}}",
              "labels": { "alertname": "CheckoutErrorRate", "severity": "critical"{{(service is null ? "" : $", \"service\": \"{service}\"")}}, "instance": "checkout-7f9c:8080" },
              "annotations": { "summary": "5xx rate above 5% for 5 minutes", "runbook_url": "https://runbooks.example/checkout-errors" },
              "startsAt": "{{startsAt}}",
              "endsAt": "{{(status == "resolved" ? "2026-11-23T10:20:00Z" : "0001-01-01T00:00:00Z")}}",
              "generatorURL": "http://prometheus.example:9090/graph?g0.expr=rate",
              "fingerprint": "{{fingerprint}}"
            }
          ]
        }
        """;

    public const string GrafanaTwoAlerts = """
        {
          "receiver": "incidentflows", "status": "firing", "orgId": 1, "truncatedAlerts": 0,
          "groupKey": "{}/{}:{}", "title": "[FIRING:2] Checkout latency", "state": "alerting", "message": "",
          "alerts": [
            { "status": "firing", "labels": { "alertname": "CheckoutLatency", "service": "checkout", "severity": "warning", "pod": "a" },
              "annotations": { "summary": "p99 above 2s" }, "startsAt": "2026-11-23T09:59:00Z", "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "https://grafana.example/alerting/grafana/abc/view", "fingerprint": "0a1b2c3d4e5f0001",
              "silenceURL": "https://grafana.example/alerting/silence/new", "dashboardURL": "https://grafana.example/d/checkout",
              "panelURL": "https://grafana.example/d/checkout?viewPanel=2", "values": { "B": 2.4 } },
            { "status": "firing", "labels": { "alertname": "CheckoutLatency", "service": "checkout", "severity": "warning", "pod": "b" },
              "annotations": { "summary": "p99 above 2s" }, "startsAt": "2026-11-23T09:59:00Z", "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "https://grafana.example/alerting/grafana/abc/view", "fingerprint": "0a1b2c3d4e5f0002",
              "dashboardURL": "https://grafana.example/d/checkout", "panelURL": "", "values": { "B": 2.1 } }
          ]
        }
        """;

    public static string AzureMonitor(string condition = "Fired") => $$"""
        {
          "schemaId": "azureMonitorCommonAlertSchema",
          "data": {
            "essentials": {
              "alertId": "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.AlertsManagement/alerts/b9569717-bc32-442f-add5-83a997729330",
              "alertRule": "checkout-api-5xx",
              "severity": "Sev2",
              "signalType": "Metric",
              "monitorCondition": "{{condition}}",
              "monitoringService": "Platform",
              "alertTargetIDs": [ "/subscriptions/11111111-2222-3333-4444-555555555555/resourcegroups/checkout/providers/microsoft.web/sites/checkout-api" ],
              "configurationItems": [ "checkout-api" ],
              "originAlertId": "3f2d4487-b0fc-4125-8bd5-7ad17384221e_PipeLineAlertRG_microsoft.insights_metricAlerts_WCUS-R2-Gen2_-117781227",
              "firedDateTime": "2026-11-23T09:57:10.000Z",
              {{(condition == "Resolved" ? "\"resolvedDateTime\": \"2026-11-23T10:15:00.000Z\"," : "")}}
              "description": "Http 5xx above threshold",
              "essentialsVersion": "1.0",
              "alertContextVersion": "1.0"
            },
            "alertContext": { "properties": null, "conditionType": "SingleResourceMultipleMetricCriteria" }
          }
        }
        """;
}
