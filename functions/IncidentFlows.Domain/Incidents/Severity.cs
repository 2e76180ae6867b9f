namespace IncidentFlows.Domain.Incidents;

/// <summary>How bad an incident is: SEV0 is the worst, SEV4 the mildest.</summary>
public enum Severity
{
    Sev0 = 0,
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
    Sev4 = 4,
}

public static class SeverityNames
{
    /// <summary>Reads "sev2", "SEV 2", "Sev2", "s2", "p2" or "2"; null when it is none of these.</summary>
    public static Severity? Parse(string? text)
    {
        var compact = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        foreach (var prefix in new[] { "SEV", "S", "P" })
        {
            if (compact.StartsWith(prefix, StringComparison.Ordinal) && compact.Length > prefix.Length)
            {
                compact = compact[prefix.Length..];
                break;
            }
        }

        return compact.Length == 1 && compact[0] is >= '0' and <= '4' ? (Severity)(compact[0] - '0') : null;
    }

    public static string Display(this Severity severity) => $"SEV{(int)severity}";
}
