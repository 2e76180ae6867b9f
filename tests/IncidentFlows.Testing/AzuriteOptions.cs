namespace IncidentFlows.Testing;

/// <summary>How to run Azurite for a test.</summary>
/// <param name="DataDirectory">Persist here instead of in memory, so a test can stop and restart it on the same data.</param>
/// <param name="RepositoryRoot">Where node_modules is; defaults to the folder above the test binaries holding package.json.</param>
/// <param name="HttpsWithOAuth">Serve https with a fresh self-signed certificate and accept bearer tokens
/// (<c>--oauth basic</c>), to exercise the managed-identity path; Azure.Core refuses bearer tokens over http.</param>
public sealed record AzuriteOptions(string? DataDirectory = null, DirectoryInfo? RepositoryRoot = null, bool HttpsWithOAuth = false);
