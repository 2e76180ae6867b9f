using System.Globalization;
using System.Text;
using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// War-room channel names: <c>inc-YYYY-MM-DD-short-title</c>, the date in the team's zone, at most
/// 50 characters, lower-case letters, digits and single hyphens only (so none of the characters
/// Teams forbids, <c>~#%&amp;*{}+/\:&lt;&gt;?|'",</c>, can appear), and unique among the names taken.
/// </summary>
public static class WarRoomNames
{
    public const int MaxLength = 50;

    public static string Propose(string title, Instant declaredAt, DateTimeZone zone, IReadOnlyCollection<string> taken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(taken);
        var date = declaredAt.InZone(zone).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var stem = $"inc-{date}";
        var slug = Slug(title);
        var takenSet = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? "" : $"-{n}";
            var room = MaxLength - stem.Length - suffix.Length - 1;
            var name = slug.Length == 0 ? stem + suffix : $"{stem}-{Trim(slug, room)}{suffix}";
            if (!takenSet.Contains(name))
            {
                return name;
            }
        }
    }

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens; accents are folded, the rest dropped.</summary>
    private static string Slug(string title)
    {
        var folded = title.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }

    /// <summary>Cuts at a word boundary when one is near enough, and never leaves a trailing hyphen.</summary>
    private static string Trim(string slug, int room)
    {
        if (slug.Length <= room)
        {
            return slug;
        }

        var cut = slug[..room];
        var lastHyphen = cut.LastIndexOf('-');
        return (lastHyphen > room / 2 ? cut[..lastHyphen] : cut).TrimEnd('-');
    }
}
