using IncidentFlows.App.Incidents;
using Microsoft.AspNetCore.Http;

namespace IncidentFlows.App.Api;

/// <summary>
/// One command endpoint: the JSON body it reads (<paramref name="BodyOptional"/> when it may be left out), whether it
/// honours <c>Idempotency-Key</c>, and how it runs.
/// </summary>
public sealed record CommandRoute(Type Body, bool BodyOptional, bool Keyed, Func<string, HttpContext, IIncidentCommands, Task<IResult>> Run);

/// <summary>A page of <c>GET /api/incidents</c>: newest first, and the token for the next page, if any.</summary>
public sealed record IncidentListPage(IReadOnlyList<Storage.IncidentSummary> Items, string? ContinuationToken);
