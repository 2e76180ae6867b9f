namespace IncidentFlows.App.Api;

/// <summary>Incident ids as the API accepts them in a path: letters, digits, '-' and '_', 1 to 64 characters.</summary>
public static class IncidentIds
{
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
