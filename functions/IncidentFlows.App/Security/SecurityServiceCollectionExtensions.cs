using IncidentFlows.App.Api;
using IncidentFlows.App.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Security;

/// <summary>
/// The API's authentication: per-team API keys always; Entra ID bearer tokens when a tenant and
/// audience are configured; the development identity only when DevelopmentMode is on. Nothing is open
/// by default: without credentials the API answers 401.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    public const string Scheme = "IncidentFlows";

    public static IServiceCollection AddIncidentFlowsSecurity(this IServiceCollection services, IConfiguration configuration, IncidentFlowsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.Configure<ApiKeyOptions>(configuration.GetSection(ApiKeyOptions.Section));
        var entra = options.Entra is { TenantId: { Length: > 0 }, Audience: { Length: > 0 } } ? options.Entra : null;

        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key, Entra ID or development", o => o.ForwardDefaultSelector = http => Choose(http, entra is not null, options.DevelopmentMode))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (options.DevelopmentMode)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null);
        }

        if (entra is not null)
        {
            authentication.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.Authority = $"https://login.microsoftonline.com/{entra.TenantId}/v2.0";
                o.Audience = entra.Audience;
                o.MapInboundClaims = false;
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(IncidentEndpoints.ApiPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    private static string Choose(HttpContext http, bool entra, bool development)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (entra && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        var presentsKey = authorization.Length > 0 || http.Request.Headers.ContainsKey("X-Api-Key");
        return development && !presentsKey ? DevelopmentAuthenticationHandler.SchemeName : ApiKeyAuthenticationHandler.SchemeName;
    }
}
