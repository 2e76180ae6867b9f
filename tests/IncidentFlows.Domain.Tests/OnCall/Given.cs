using IncidentFlows.Domain.OnCall;
using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.Domain.Tests.OnCall;

/// <summary>Small builders so each spec shows only what matters to it.</summary>
internal static class Given
{
    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    public static Instant Utc(string text) => InstantPattern.General.Parse(text).GetValueOrThrow();

    public static LocalDateTime Local(string text) => LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse(text).GetValueOrThrow();

    public static Interval Between(string from, string to) => new(Utc(from), Utc(to));

    public static Layer Layer(
        string name,
        string zone,
        string firstHandoff,
        ShiftLength shift,
        IReadOnlyList<string> people,
        Restriction? restriction = null) =>
        new(name, people, shift, Local(firstHandoff), Zone(zone), restriction);

    public static Restriction Window(string from, string to, params IsoDayOfWeek[] days) =>
        new(days.Length == 0 ? Restriction.EveryDay : days, new DailyWindow(Time(from), Time(to)));

    public static LocalTime Time(string text) => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text).GetValueOrThrow();

    public static Schedule Schedule(params Layer[] layers) => new("primary", "Primary", layers[0].Zone, layers);

    public static ShiftLength Hours(int count) => new(count, ShiftUnit.Hours);

    public static ShiftLength Days(int count) => new(count, ShiftUnit.Days);

    public static ShiftLength Weeks(int count) => new(count, ShiftUnit.Weeks);

    public static string SampleTeamJson() =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "teams", "follow-the-sun.json"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))) return dir.FullName;
        }

        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
