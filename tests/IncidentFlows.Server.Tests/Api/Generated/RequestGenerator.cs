using System.Text.Json.Nodes;

namespace IncidentFlows.Server.Tests.Api.Generated;

/// <summary>
/// Requests over every HTTP endpoint from one seed: a valid template per endpoint, its body mutated
/// (<see cref="JsonMutations"/>), its path id, query values and headers drawn from pools of odd values.
/// </summary>
internal sealed class RequestGenerator(int seed, IReadOnlyList<string> knownIds, string configuration)
{
    private static readonly string[] Commands = ["acknowledge", "join", "status", "severity", "roles", "updates", "notes", "resolve", "close", "reopen", "postmortem-review", "actions", "title"];

    // No %00: the in-memory test server refuses it before the app (Kestrel answers it 400).
    private static readonly string[] OddIds =
        ["INC-999", "inc-1", "INC-0", "INC-00001", "INC-" + new string('9', 25), "..%2F..%2Fsecrets", "%F0%9F%94%A5", "INC-1%20", "a", new string('x', 300), "INC-1;DROP"];

    private static readonly string?[] OddQueryValues =
        [null, "", "x", "9999-12-31T23:59:59Z", "9000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2026-11-23T10:00:00Z", "2026-11-23", "-1", "0", "2147483648", "%25", "%00", "%F0%9F%98%80", "null", "closed", "Asia/Tokyo", "Mars/Olympus", "markdown", "html", "csv", new string('q', 3000)];

    private static readonly string?[] ContentTypes =
        ["application/json", "application/json", "application/json", "application/json; charset=utf-8", null, "text/plain", "application/json; charset=utf-16", "application/problem+json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"];

    private static readonly string?[] Accepts = [null, null, null, "text/markdown", "text/html", "text/csv", "*/*", "application/xml"];

    private readonly Random _random = new(seed);
    private readonly List<string> _usedKeys = [];
    private readonly JsonMutations _mutations = new(new Random(seed + 1));

    public GeneratedRequest Next(int n)
    {
        var m = GeneratedRequest.MarkerOf(n);
        var request = _random.Next(20) switch
        {
            < 3 => Post(n, "/api/incidents", Declare(m)),
            < 9 => CommandOn(n, m),
            9 => Post(n, $"/api/incidents/{Id()}/actions/{Pick(["1", "2", "0", "-1", "99", "x", "2147483648"])}", ActionItem(m)),
            10 => Get(n, $"/api/incidents{Query(("status", "open"), ("pageSize", "2"), ("continuationToken", "v1.AAAA"))}"),
            11 => Get(n, $"/api/incidents/{Id()}{Pick(["", "/timeline", "/postmortem"])}{Query(("tz", "Europe/London"), ("format", "markdown"))}"),
            12 => Get(n, $"/api/metrics{Query(("from", "2026-01-01T00:00:00Z"), ("to", "2026-12-01T00:00:00Z"), ("format", "csv"))}"),
            13 => Get(n, $"/api/oncall{Pick(["", "/schedules/follow-the-sun/coverage", "/schedules/nope/coverage", "/calendar.ics"])}{Query(("at", "2026-11-23T10:00:00Z"), ("policy", "standard"), ("from", "2026-11-23T00:00:00Z"), ("to", "2026-11-30T00:00:00Z"), ("schedule", "follow-the-sun"), ("person", "aiko"), ("weeks", "4"))}"),
            14 => _random.Next(3) == 0
                ? Post(n, "/api/oncall/calendar-links", new JsonObject { ["person"] = Pick(["aiko", "nobody", m, ""]) })
                : new GeneratedRequest(n, HttpMethod.Put, "/api/oncall/configuration", _mutations.Mutate(JsonNode.Parse(configuration)!), ContentType()),
            15 => Post(n, $"/api/alerts/{Pick(["generic", "alertmanager", "grafana", "azure-monitor", "nagios"])}", Alert(m)),
            16 => Post(n, "/api/messages", new JsonObject { ["type"] = "message", ["text"] = $"declare sev2 {m}", ["conversation"] = new JsonObject { ["id"] = m } }),
            17 => Get(n, $"{Pick(["/", "/incidents/" + Id(), "/incidents/" + Id() + "/postmortem", "/oncall", "/metrics", "/web/site.css", "/healthz", "/openapi/v1.json", "/api/nothing", $"/calendar/ifc_{m}.ics"])}{Query(("tz", "UTC"), ("at", "2026-11-23T10:00:00Z"))}"),
            18 => new GeneratedRequest(n, HttpMethod.Post, $"/incidents/{Id()}/{Pick(Commands)}", $"text={m}&__RequestVerificationToken=forged", "application/x-www-form-urlencoded"),
            _ => new GeneratedRequest(n, Pick([HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Put]), Pick([$"/api/incidents/{Id()}", $"/api/oncall/calendar-links/{Pick(["aiko", "nobody", m])}"]), "{}", "application/json"),
        };
        return WithHeaders(request);
    }

    private GeneratedRequest CommandOn(int n, string m)
    {
        var action = Pick(Commands);
        var by = Person(m);
        JsonObject body = action switch
        {
            "status" => new() { ["status"] = Pick(["investigating", "identified", "monitoring", "resolved", "closed", "declined", "triage", "open"]), ["note"] = m, ["by"] = by },
            "severity" => new() { ["severity"] = Pick(["sev0", "sev1", "sev2", "sev3", "sev4", "SEV2", "high"]), ["reason"] = m, ["by"] = by },
            "roles" => new() { ["role"] = Pick(["lead", "comms", "scribe", "sme", "boss"]), ["assignee"] = Person(m), ["renounce"] = _random.Next(4) == 0, ["by"] = by },
            "updates" or "notes" => new() { ["text"] = $"{m} checked the pool", ["by"] = by },
            "resolve" => new() { ["summary"] = m, ["by"] = by },
            "reopen" => new() { ["reason"] = m, ["by"] = by },
            "title" => new() { ["title"] = $"{m} checkout failing", ["by"] = by },
            "actions" => ActionItem(m),
            _ => new() { ["by"] = by },
        };
        var request = Post(n, $"/api/incidents/{Id()}/{action}", body);
        return _random.Next(8) == 0 ? request with { Body = null, ContentType = null } : request;
    }

    private static JsonObject Declare(string m) => new()
    {
        ["title"] = $"{m} checkout failing", ["severity"] = "sev3", ["service"] = "checkout", ["summary"] = m, ["kind"] = "real",
        ["detectedAt"] = "2026-11-23T09:00:00Z", ["reporter"] = Person(m),
    };

    private static JsonObject ActionItem(string m) => new()
    {
        ["title"] = $"{m} add an alert", ["importance"] = "high", ["urgency"] = "low", ["size"] = "days", ["status"] = "backlog",
        ["assignee"] = Person(m), ["confidence"] = "medium", ["due"] = "2027-01-15", ["by"] = Person(m),
    };

    private static JsonObject Alert(string m) => new()
    {
        ["title"] = $"{m} p99 high", ["severity"] = "sev3", ["service"] = "checkout", ["dedupKey"] = m, ["status"] = "firing",
        ["links"] = new JsonArray($"https://grafana.example/{m}"), ["details"] = new JsonObject { ["marker"] = m },
        ["alerts"] = new JsonArray(new JsonObject { ["status"] = "firing", ["labels"] = new JsonObject { ["alertname"] = m, ["service"] = "checkout" }, ["fingerprint"] = m }),
    };

    private static JsonObject Person(string m) => new() { ["id"] = m, ["name"] = m };

    private GeneratedRequest Post(int n, string path, JsonObject body) => new(n, HttpMethod.Post, path, _mutations.Mutate(body), ContentType());

    private static GeneratedRequest Get(int n, string path) => new(n, HttpMethod.Get, path);

    private GeneratedRequest WithHeaders(GeneratedRequest request)
    {
        var key = request.Changes ? _random.Next(10) switch
        {
            < 5 => null,
            < 7 => Remember(request.Marker),
            7 when _usedKeys.Count > 0 => _usedKeys[_random.Next(_usedKeys.Count)], // a key reused, with another body
            8 => new string('k', 300),
            _ => " ",
        } : null;
        return request with
        {
            IdempotencyKey = key,
            Accept = Pick(Accepts),
            Authorization = _random.Next(25) == 0 ? Pick(["ApiKey ifk_not-a-key", "Bearer eyJhbGciOiJub25lIn0.e30.", "Basic Og==", "ApiKey"]) : null,
            WithoutCredential = _random.Next(25) == 0,
        };
    }

    private string Remember(string key)
    {
        _usedKeys.Add(key);
        return key;
    }

    /// <summary>A query string from the endpoint's parameters: each left out, given its sensible value, or an odd one.</summary>
    private string Query(params (string Name, string Sensible)[] parameters)
    {
        var pairs = parameters
            .Select(p => (p.Name, Value: _random.Next(3) switch { 0 => null, 1 => p.Sensible, _ => Pick(OddQueryValues) }))
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={(p.Value!.Contains('%', StringComparison.Ordinal) ? p.Value : Uri.EscapeDataString(p.Value))}")
            .ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    private string Id() => _random.Next(3) == 0 || knownIds.Count == 0 ? Pick(OddIds) : knownIds[_random.Next(knownIds.Count)];

    private string? ContentType() => Pick(ContentTypes);

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];
}
