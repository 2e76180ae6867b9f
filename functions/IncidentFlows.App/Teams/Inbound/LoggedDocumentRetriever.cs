using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;

namespace IncidentFlows.App.Teams.Inbound;

/// <summary>
/// The Bot Framework's metadata and keys through <paramref name="inner"/>, with every failed fetch logged
/// as an error: the library falls back to the keys it has (or refuses the token when it has none) and
/// would otherwise say nothing an operator sees.
/// </summary>
internal sealed partial class LoggedDocumentRetriever(IDocumentRetriever inner, ILogger log) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        try
        {
            return await inner.GetDocumentAsync(address, cancel);
        }
        catch (Exception e) when (!cancel.IsCancellationRequested)
        {
            LogUnreachable(log, address, e);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The Bot Framework OpenID metadata {Address} could not be fetched; inbound activities are refused unless cached keys validate them")]
    private static partial void LogUnreachable(ILogger log, string address, Exception error);
}
