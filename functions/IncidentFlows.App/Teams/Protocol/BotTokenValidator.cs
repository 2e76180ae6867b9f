using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IncidentFlows.App.Teams.Protocol;

/// <summary>The verdict on an inbound request's token: accepted, or why not (for the log, never the caller).</summary>
public sealed record BotTokenVerdict(bool IsValid, string? Reason)
{
    public static readonly BotTokenVerdict Valid = new(true, null);

    public static BotTokenVerdict Invalid(string reason) => new(false, reason);
}

/// <summary>
/// Validates the JWT the Bot Connector sends with every activity: signed (RS256) by a key from the
/// Bot Framework's OpenID metadata (cached, refreshed daily and when an unknown key id shows up),
/// issued by <c>https://api.botframework.com</c>, for our app id, within its lifetime, carrying a
/// <c>serviceUrl</c> claim equal to the activity's serviceUrl (so a token cannot steer our replies to
/// another host), signed by a key endorsed for the activity's channel.
/// </summary>
public sealed class BotTokenValidator
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly TokenValidationParameters _parameters;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BotTokenValidator(Uri openIdMetadata, string issuer, string audience, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(openIdMetadata);
        var retriever = new HttpDocumentRetriever(http ?? new HttpClient()) { RequireHttps = !openIdMetadata.IsLoopback };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(openIdMetadata.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromDays(1),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(5),
        };
    }

    public async Task<BotTokenVerdict> ValidateAsync(string? authorization, string? activityServiceUrl, CancellationToken ct, string? activityChannelId = null)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return BotTokenVerdict.Invalid("no bearer token");
        }

        var token = authorization["Bearer ".Length..].Trim();
        var (result, configuration) = await ValidateOnceAsync(token, ct);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            _metadata.RequestRefresh(); // keys rotate: fetch the metadata again before giving up
            (result, configuration) = await ValidateOnceAsync(token, ct);
        }

        if (!result.IsValid)
        {
            return BotTokenVerdict.Invalid(result.Exception?.GetType().Name + ": " + result.Exception?.Message);
        }

        var claimed = result.Claims.TryGetValue("serviceurl", out var s) || result.Claims.TryGetValue("serviceUrl", out s) ? s as string : null;
        if (!SameServiceUrl(claimed, activityServiceUrl))
        {
            return BotTokenVerdict.Invalid($"serviceUrl claim '{claimed}' does not match the activity's '{activityServiceUrl}'");
        }

        var keyId = (result.SecurityToken as JsonWebToken)?.SigningKey?.KeyId;
        var published = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == keyId);
        return Endorses(published, activityChannelId)
            ? BotTokenVerdict.Valid
            : BotTokenVerdict.Invalid($"the signing key is not endorsed for channel '{activityChannelId}'");
    }

    /// <summary>
    /// The Bot Framework publishes, per key, the channels it may sign for (<c>endorsements</c>); a key
    /// for one channel must not vouch for an activity claiming to come from another. Keys without the
    /// list endorse nothing in particular and are accepted, as the Bot Framework SDK does.
    /// </summary>
    private static bool Endorses(JsonWebKey? key, string? channelId) =>
        channelId is null
        || key is null
        || !key.AdditionalData.TryGetValue("endorsements", out var endorsements)
        || Channels(endorsements).Contains(channelId, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> Channels(object? endorsements) => endorsements switch
    {
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ToString()),
        string single => [single],
        System.Collections.IEnumerable list => list.Cast<object?>().Select(e => e?.ToString() ?? ""),
        _ => [],
    };

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration Configuration)> ValidateOnceAsync(string token, CancellationToken ct)
    {
        var configuration = await _metadata.GetConfigurationAsync(ct);
        var parameters = _parameters.Clone();
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        return (await _handler.ValidateTokenAsync(token, parameters), configuration);
    }

    private static bool SameServiceUrl(string? claimed, string? activity) =>
        claimed is { Length: > 0 } && activity is { Length: > 0 }
        && string.Equals(claimed.TrimEnd('/'), activity.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
