using System.Text.Json;

namespace IncidentFlows.Domain.OnCall.Configuration;

/// <summary>Reads <c>policies[]</c> (escalation policies) and <c>services[]</c> (the service catalog).</summary>
internal static class PolicySection
{
    public static EscalationPolicy? ReadPolicy(ConfigReader reader, JsonElement element, string path)
    {
        if (!reader.Object(element, path, "id", "name", "levels", "repeat", "repeatFromLevel")) return null;
        var id = reader.Id(element, path);
        var name = reader.String(element, path, "name", required: false);
        var levelItems = reader.Array(element, path, "levels", min: 1, max: EscalationPolicy.MaxLevels);
        var levels = levelItems?.Select(l => ReadLevel(reader, l.Element, l.Path)).ToList();
        var repeat = reader.Integer(element, path, "repeat", 0, EscalationPolicy.MaxRepeats, required: false);
        var repeatFrom = reader.Integer(element, path, "repeatFromLevel", 1, Math.Max(1, levelItems?.Count ?? EscalationPolicy.MaxLevels), required: false);
        var optionalsValid = (repeat is not null || !ConfigReader.Has(element, "repeat")) && (repeatFrom is not null || !ConfigReader.Has(element, "repeatFromLevel"));
        if (id is null || levels is null || levels.Contains(null) || !optionalsValid) return null;
        return new EscalationPolicy(id, name ?? id, [.. levels.Select(l => l!)], repeat ?? 0, (repeatFrom ?? 1) - 1);
    }

    public static Service? ReadService(ConfigReader reader, JsonElement element, string path, string? teamId)
    {
        if (!reader.Object(element, path, "id", "name", "policy", "tier", "notableCustomers")) return null;
        var id = reader.Id(element, path);
        var name = reader.String(element, path, "name", required: false);
        var policy = reader.Id(element, path, "policy", required: false);
        reader.Reference("policy", policy, ConfigReader.At(path, "policy"));
        var tier = reader.Integer(element, path, "tier", 1, 4, required: false);
        var customers = reader.Array(element, path, "notableCustomers", 0, int.MaxValue, required: false)?
            .Select(c => reader.StringValue(c.Element, c.Path)).ToList();
        if (id is null || teamId is null || (tier is null && ConfigReader.Has(element, "tier")) || customers is null || customers.Contains(null)) return null;
        var impact = tier is null && customers.Count == 0 ? null : new CustomerImpact(tier, [.. customers.Select(c => c!)]);
        return new Service(id, name ?? id, teamId, policy, impact);
    }

    private static EscalationLevel? ReadLevel(ConfigReader reader, JsonElement element, string path)
    {
        if (!reader.Object(element, path, "ackTimeoutMinutes", "ackTimeoutSeconds", "targets")) return null;
        var timeout = reader.Minutes(element, path, "ackTimeout", 1, 7 * 24 * 60);
        var targets = reader.Array(element, path, "targets", 1, int.MaxValue)?
            .Select(t => ReadTarget(reader, t.Element, t.Path)).ToList();
        if (timeout is null || targets is null || targets.Contains(null)) return null;
        return new EscalationLevel([.. targets.Select(t => t!)], timeout.Value);
    }

    private static EscalationTarget? ReadTarget(ConfigReader reader, JsonElement element, string path)
    {
        if (!reader.Object(element, path, "person", "schedule")) return null;
        var hasPerson = element.TryGetProperty("person", out _);
        if (hasPerson == element.TryGetProperty("schedule", out _))
        {
            reader.Report(path, "needs exactly one of person or schedule");
            return null;
        }

        var kind = hasPerson ? "person" : "schedule";
        var id = reader.Id(element, path, kind);
        reader.Reference(kind, id, ConfigReader.At(path, kind));
        return id is null ? null : hasPerson ? new EscalationTarget.Person(id) : new EscalationTarget.Schedule(id);
    }
}
