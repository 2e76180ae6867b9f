using System.Text.Json;
using NodaTime;

namespace IncidentFlows.Domain.OnCall.Configuration;

/// <summary>Reads <c>schedules[]</c>: layers (rotations with restrictions) and overrides.</summary>
internal static class ScheduleSection
{
    public static Schedule? ReadSchedule(ConfigReader reader, JsonElement element, string path)
    {
        if (!reader.Object(element, path, "id", "name", "timeZone", "layers", "overrides")) return null;
        var id = reader.Id(element, path);
        var name = reader.String(element, path, "name", required: false);
        var zone = reader.Zone(element, path, "timeZone");
        var layerItems = reader.Array(element, path, "layers", min: 1, max: int.MaxValue);
        var layers = layerItems?.Select(l => ReadLayer(reader, l.Element, l.Path, zone)).ToList();
        if (layerItems is not null)
        {
            reader.Unique(layerItems.Select(l => (NameOf(l.Element), ConfigReader.At(l.Path, "name"))), "layer name");
        }

        var overrides = reader.Array(element, path, "overrides", min: 0, max: int.MaxValue, required: false)?
            .Select(o => ReadOverride(reader, o.Element, o.Path)).ToList();
        if (id is null || zone is null || layers is null || overrides is null || layers.Contains(null) || overrides.Contains(null))
        {
            return null;
        }

        return new Schedule(id, name ?? id, zone, [.. layers.Select(l => l!)], [.. overrides.Select(o => o!)]);
    }

    private static Layer? ReadLayer(ConfigReader reader, JsonElement element, string path, DateTimeZone? scheduleZone)
    {
        if (!reader.Object(element, path, "name", "timeZone", "participants", "shiftLength", "start", "handoff", "restrictions")) return null;
        var name = reader.String(element, path, "name");
        var zone = ConfigReader.Has(element, "timeZone") ? reader.Zone(element, path, "timeZone") : scheduleZone;
        var participants = reader.Array(element, path, "participants", min: 1, max: int.MaxValue)?
            .Select(p =>
            {
                var id = reader.StringValue(p.Element, p.Path);
                reader.Reference("person", id, p.Path);
                return id;
            })
            .ToList();
        var shift = reader.Parsed(element, path, "shiftLength", ConfigFormats.ParseShiftLength, "a shift length (a count from 1 to 1000 and h, d or w: 12h, 1d, 2w)");
        var start = reader.Parsed(element, path, "start", ConfigFormats.ParseDate, "a date (yyyy-MM-dd)");
        var handoff = reader.Parsed(element, path, "handoff", ConfigFormats.ParseTimeOfDay, "a time of day");
        var restriction = ConfigReader.Has(element, "restrictions")
            ? ReadRestriction(reader, element.GetProperty("restrictions"), ConfigReader.At(path, "restrictions"))
            : (Restriction: null, Valid: true);
        if (name is null || zone is null || participants is null || participants.Contains(null)
            || shift is null || start is null || handoff is null || !restriction.Valid)
        {
            return null;
        }

        return new Layer(name, [.. participants.Select(p => p!)], shift.Value, start.Value.At(handoff.Value), zone, restriction.Restriction);
    }

    private static (Restriction? Restriction, bool Valid) ReadRestriction(ConfigReader reader, JsonElement element, string path)
    {
        if (!reader.Object(element, path, "weekdays", "from", "to")) return (null, false);
        var days = reader.Array(element, path, "weekdays", min: 1, max: 7, required: false)?
            .Select(d => reader.StringValue(d.Element, d.Path) is { } text
                ? ConfigFormats.ParseWeekday(text) ?? Invalid(reader, d.Path, $"{text} is not a weekday (mon, tue, wed, thu, fri, sat, sun)")
                : null)
            .ToList();
        var hasFrom = ConfigReader.Has(element, "from");
        var hasTo = ConfigReader.Has(element, "to");
        if (hasFrom != hasTo) reader.Report(ConfigReader.At(path, hasFrom ? "to" : "from"), "is required when a window has the other end");
        var from = hasFrom ? reader.Parsed(element, path, "from", ConfigFormats.ParseTimeOfDay, "a time of day") : LocalTime.Midnight;
        var to = hasTo ? reader.Parsed(element, path, "to", ConfigFormats.ParseTimeOfDay, "a time of day") : LocalTime.Midnight;
        if (days is null || days.Contains(null) || from is null || to is null || hasFrom != hasTo) return (null, false);
        var weekdays = days.Count == 0 ? Restriction.EveryDay : [.. days.Select(d => d!.Value)];
        return (new Restriction(weekdays, new DailyWindow(from.Value, to.Value)), true);
    }

    private static Override? ReadOverride(ConfigReader reader, JsonElement element, string path)
    {
        if (!reader.Object(element, path, "kind", "person", "with", "from", "to", "note")) return null;
        var kind = reader.String(element, path, "kind");
        var person = reader.Id(element, path, "person");
        reader.Reference("person", person, ConfigReader.At(path, "person"));
        var replacement = reader.Id(element, path, "with", required: kind == "replace");
        reader.Reference("person", replacement, ConfigReader.At(path, "with"));
        if (kind is "add" or "remove" && replacement is not null) reader.Report(ConfigReader.At(path, "with"), "only a replace override names who covers");
        var from = reader.Parsed(element, path, "from", ConfigFormats.ParseInstant, "a date-time with an offset (2026-12-24T09:00:00+09:00)");
        var to = reader.Parsed(element, path, "to", ConfigFormats.ParseInstant, "a date-time with an offset (2026-12-24T17:00:00+09:00)");
        reader.String(element, path, "note", required: false);
        if (from is not null && to is not null && to <= from)
        {
            reader.Report(ConfigReader.At(path, "to"), "must be after from");
            return null;
        }

        if (person is null || from is null || to is null) return null;
        var span = new Interval(from.Value, to.Value);
        return kind switch
        {
            "add" => new Override.Add(person, span),
            "remove" => new Override.Remove(person, span),
            "replace" when replacement is not null => new Override.Replace(person, replacement, span),
            "replace" => null,
            null => null,
            _ => Invalid<Override>(reader, ConfigReader.At(path, "kind"), $"{kind} is not an override kind (add, remove, replace)"),
        };
    }

    private static string? NameOf(JsonElement layer) =>
        layer.ValueKind == JsonValueKind.Object && layer.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;

    private static IsoDayOfWeek? Invalid(ConfigReader reader, string path, string message)
    {
        reader.Report(path, message);
        return null;
    }

    private static T? Invalid<T>(ConfigReader reader, string path, string message)
        where T : class
    {
        reader.Report(path, message);
        return null;
    }
}
