namespace IncidentFlows.App.Storage;

/// <summary>
/// The secret calendar links people subscribe to from Outlook or Google Calendar (which cannot send an
/// <c>Authorization</c> header): the SHA-256 of each link's token, whose calendar it opens, per team.
/// </summary>
public interface ICalendarLinks
{
    Task AddAsync(string team, string tokenSha256, string person, CancellationToken ct = default);

    /// <summary>The person whose calendar the link opens, or null when there is no such link (never issued, or revoked).</summary>
    Task<string?> FindPersonAsync(string team, string tokenSha256, CancellationToken ct = default);

    /// <summary>Revokes every link to <paramref name="person"/>'s calendar; how many there were.</summary>
    Task<int> RevokeAsync(string team, string person, CancellationToken ct = default);
}
