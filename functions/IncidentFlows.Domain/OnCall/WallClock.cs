using NodaTime;
using NodaTime.TimeZones;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// The one DST rule every on-call wall-clock time follows (ADR 0004, as GoAlert documents it):
/// a local time skipped by a spring-forward gap happens at the first valid instant after the gap;
/// a local time repeated by a fall-back overlap happens at its first occurrence.
/// </summary>
public static class WallClock
{
    private static readonly Duration Margin = Duration.FromDays(2);

    public static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>The instant a wall-clock time in <paramref name="zone"/> happens.</summary>
    public static Instant ToInstant(LocalDateTime local, DateTimeZone zone) =>
        zone.ResolveLocal(local, Resolver).ToInstant();

    /// <summary>
    /// Same as <see cref="ToInstant(LocalDateTime, DateTimeZone)"/>, but when the answer lies well inside
    /// <paramref name="hint"/> (no transition within two days) it is computed from the hint's offset without
    /// another zone lookup. Lookups are hot: who-is-on-call resolves several handoffs per call.
    /// </summary>
    public static Instant ToInstant(LocalDateTime local, DateTimeZone zone, ZoneInterval hint)
    {
        var candidate = local.InUtc().ToInstant().Minus(hint.WallOffset.ToDuration());
        var safeStart = hint.HasStart ? hint.Start.Plus(Margin) : Instant.MinValue;
        var safeEnd = hint.HasEnd ? hint.End.Minus(Margin) : Instant.MaxValue;
        return candidate >= safeStart && candidate < safeEnd ? candidate : ToInstant(local, zone);
    }

    /// <summary>An offset from UTC as a duration to add to an instant.</summary>
    internal static Duration ToDuration(this Offset offset) => Duration.FromSeconds(offset.Seconds);

    /// <summary>The wall-clock reading in <paramref name="zone"/> at <paramref name="instant"/>.</summary>
    public static LocalDateTime LocalAt(Instant instant, DateTimeZone zone) => instant.InZone(zone).LocalDateTime;
}
