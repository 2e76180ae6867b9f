using IncidentFlows.App.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IncidentFlows.App.Teams.Inbound;

/// <summary>
/// Who may post to <c>/api/messages</c>: the Bot Connector, proven by a JWT the library validates
/// (JwtBearer on the Bot Framework's OpenID metadata, keys cached and refreshed by its configuration
/// manager), under the <see cref="Policy"/> authorization policy — the shape microsoft/teams.net uses.
/// Development mode adds a second, explicit scheme for the Agents Playground's unsigned activities.
/// What a token says about the activity (its serviceUrl, the key's channel endorsements) is checked
/// against the activity itself by <see cref="ActivityAdmission"/>.
/// </summary>
public static class BotAuthentication
{
    public const string Scheme = "BotFramework";
    public const string DevelopmentScheme = "BotFrameworkDevelopment";
    public const string Policy = "BotConnector";
    public const string MetadataHttpClient = "botframework-openid";

    /// <summary>How long a metadata fetch may take before the request it serves is refused (401), not held.</summary>
    public static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IncidentFlowsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddHttpClient(MetadataHttpClient, http => http.Timeout = MetadataTimeout);
        var authentication = services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<TeamsOptions>, IHttpClientFactory, ILoggerFactory>(Configure);
        if (options.DevelopmentMode)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, BotDevelopmentAuthenticationHandler>(DevelopmentScheme, null);
        }

        string[] schemes = options.DevelopmentMode ? [Scheme, DevelopmentScheme] : [Scheme];
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser());
        services.AddOptions<TeamsOptions>()
            .Validate(
                teams => options.DevelopmentMode || teams.TenantAllowList().Count > 0,
                "The bot accepts activities only from allowed tenants: set IncidentFlows:Teams:AllowedTenantIds (or IncidentFlows:Teams:TenantId).")
            .ValidateOnStart();
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, IOptions<TeamsOptions> teamsOptions, IHttpClientFactory http, ILoggerFactory logs)
    {
        var teams = teamsOptions.Value;
        var metadata = teams.OpenIdMetadataUrl;
        var retriever = new HttpDocumentRetriever(http.CreateClient(MetadataHttpClient)) { RequireHttps = !metadata.IsLoopback };
        jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadata.AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            new LoggedDocumentRetriever(retriever, logs.CreateLogger(typeof(BotAuthentication))))
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromMinutes(1), // after an unknown key id, at most one fetch a minute
        };
        jwt.RequireHttpsMetadata = !metadata.IsLoopback;
        jwt.MapInboundClaims = false;
        jwt.IncludeErrorDetails = false; // why a token failed goes to the log, not to the caller
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = teams.TokenIssuer,
            ValidAudience = teams.AppId,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(5),
            AuthenticationType = Scheme,
        };
        jwt.Events = new BotTokenEvents();
    }
}
