namespace IncidentFlows.App.Storage;

/// <summary>
/// Which request body an <c>Idempotency-Key</c> first came with, so a key reused with another body is told
/// apart from a retry (the IETF idempotency-key draft's 422).
/// </summary>
public interface IRequestFingerprints
{
    /// <summary>The fingerprint remembered for <paramref name="key"/>, or null.</summary>
    Task<string?> FindAsync(string team, string key, CancellationToken ct = default);

    /// <summary>Remembers <paramref name="fingerprint"/> for <paramref name="key"/> unless one is remembered, and returns the one that is.</summary>
    Task<string> RememberAsync(string team, string key, string fingerprint, CancellationToken ct = default);
}
