using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.Domain.OnCall.Configuration;

/// <summary>The text formats a configuration file uses, each returning null for text it does not accept.</summary>
internal static class ConfigFormats
{
    private static readonly LocalTimePattern TimeOfDay = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private static readonly OffsetDateTimePattern WithSeconds = OffsetDateTimePattern.ExtendedIso;
    private static readonly OffsetDateTimePattern WithoutSeconds =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>");

    public static LocalTime? ParseTimeOfDay(string text) => TimeOfDay.Parse(text) is { Success: true } r ? r.Value : null;

    public static LocalDate? ParseDate(string text) => Date.Parse(text) is { Success: true } r ? r.Value : null;

    /// <summary>An instant written with its offset: 2026-12-24T09:00:00+09:00, 2026-12-24T00:00Z.</summary>
    public static Instant? ParseInstant(string text) =>
        WithSeconds.Parse(text) is { Success: true } a ? a.Value.ToInstant()
        : WithoutSeconds.Parse(text) is { Success: true } b ? b.Value.ToInstant()
        : null;

    public static DateTimeZone? ParseZone(string text) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(text);

    /// <summary>A shift length: a positive count and a unit, 12h, 1d, 2w.</summary>
    public static ShiftLength? ParseShiftLength(string text)
    {
        if (text.Length < 2) return null;
        ShiftUnit? unit = char.ToLowerInvariant(text[^1]) switch
        {
            'h' => ShiftUnit.Hours,
            'd' => ShiftUnit.Days,
            'w' => ShiftUnit.Weeks,
            _ => null,
        };
        var digits = text[..^1];
        return unit is { } u && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 1000
            ? new ShiftLength(count, u)
            : null;
    }

    public static IsoDayOfWeek? ParseWeekday(string text) => text.ToLowerInvariant() switch
    {
        "mon" or "monday" => IsoDayOfWeek.Monday,
        "tue" or "tuesday" => IsoDayOfWeek.Tuesday,
        "wed" or "wednesday" => IsoDayOfWeek.Wednesday,
        "thu" or "thursday" => IsoDayOfWeek.Thursday,
        "fri" or "friday" => IsoDayOfWeek.Friday,
        "sat" or "saturday" => IsoDayOfWeek.Saturday,
        "sun" or "sunday" => IsoDayOfWeek.Sunday,
        _ => null,
    };
}
