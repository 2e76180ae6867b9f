namespace IncidentFlows.App.Teams.Commands;

/// <summary>Forgiving word matching: one slip in a short word, two in a long one (Damerau–Levenshtein).</summary>
public static class Typos
{
    /// <summary>The candidate <paramref name="word"/> most likely meant, or null when none is close enough (or two tie).</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(word);
        var allowed = word.Length switch { < 3 => 0, < 6 => 1, _ => 2 };
        var scored = candidates.Select(c => (c, d: Distance(word.ToLowerInvariant(), c.ToLowerInvariant()))).Where(x => x.d <= allowed).OrderBy(x => x.d).ToList();
        return scored.Count switch
        {
            0 => null,
            1 => scored[0].c,
            _ => scored[0].d < scored[1].d ? scored[0].c : null,
        };
    }

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) from <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
