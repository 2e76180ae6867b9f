using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>
/// Durations the way people read them in a postmortem: "30m 52s", "1h 0m 5s", "2d 3h 0m 0s".
/// Whole seconds (truncated), the largest unit first, and every smaller unit once a larger one shows.
/// </summary>
public static class DurationText
{
    public static string Format(Duration duration)
    {
        var sign = duration < Duration.Zero ? "-" : "";
        var seconds = Math.Abs((long)duration.TotalSeconds);
        var (d, h, m, s) = (seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60, seconds % 60);
        var text = d > 0 ? $"{d}d {h}h {m}m {s}s"
            : h > 0 ? $"{h}h {m}m {s}s"
            : m > 0 ? $"{m}m {s}s"
            : $"{s}s";
        return sign + text;
    }

    /// <summary>An offset from a reference instant, always signed: "+30m 52s", "-2m 0s", "+0s".</summary>
    public static string Offset(Instant at, Instant from)
    {
        var text = Format(at - from);
        return text.StartsWith('-') ? text : "+" + text;
    }
}
