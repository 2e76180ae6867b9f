using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// A time-of-day window in a layer's own zone, e.g. 09:00–17:00 Asia/Tokyo. When <see cref="To"/> is not
/// after <see cref="From"/> the window runs past midnight into the next day (22:00–06:00); equal ends mean
/// 24 hours. Both edges follow <see cref="WallClock"/>'s DST rule.
/// </summary>
public readonly record struct DailyWindow(LocalTime From, LocalTime To)
{
    public static DailyWindow WholeDay { get; } = new(LocalTime.Midnight, LocalTime.Midnight);

    public bool WrapsMidnight => To <= From;

    /// <summary>The window that opens on <paramref name="date"/>, as local date-times.</summary>
    public (LocalDateTime Opens, LocalDateTime Closes) On(LocalDate date) =>
        (date.At(From), (WrapsMidnight ? date.PlusDays(1) : date).At(To));

    public override string ToString() => $"{From:HH:mm}–{To:HH:mm}";
}
