using System.Net.Http.Headers;
using Azure.Core;

namespace IncidentFlows.App.Teams.Protocol;

/// <summary>
/// Puts the bot's app token on every Connector call: an Entra token for
/// <c>https://api.botframework.com/.default</c> from the configured credential (client secret or
/// user-assigned managed identity). The credential caches tokens, so this asks it every time.
/// Without a credential (development mode with the Agents Playground) no header is sent.
/// </summary>
public sealed class ConnectorTokenHandler(BotCredential credential) : DelegatingHandler
{
    public const string Scope = "https://api.botframework.com/.default";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (credential.Credential is { } tokens)
        {
            var token = await tokens.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The app's credential for the Bot Connector and Graph; null only in development mode.</summary>
public sealed record BotCredential(TokenCredential? Credential);
