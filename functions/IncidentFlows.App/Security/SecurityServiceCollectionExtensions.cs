using IncidentFlows.App.Api;
using IncidentFlows.App.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentFlows.App.Security;

/// <summary>
/// The API's authentication: per-team API keys always; Entra ID bearer tokens when a tenant and
/// audience are configured; the development identity only when DevelopmentMode is on. Nothing is open
/// by default: without credentials the API answers 401, and a caller without the role a request needs 403
/// (<see cref="AccessRequirement"/>).
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    public const string Scheme = "IncidentFlows";

    public static IServiceCollection AddIncidentFlowsSecurity(this IServiceCollection services, IConfiguration configuration, IncidentFlowsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<ApiKeyOptions>>(new ApiKeysByName(configuration));
        services.AddSingleton<Microsoft.Extensions.Options.IOptionsChangeTokenSource<ApiKeyOptions>>(new Microsoft.Extensions.Options.ConfigurationChangeTokenSource<ApiKeyOptions>(configuration));
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
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        EntraClaims.Normalize(context.Principal, bearer: true);
                        return Task.CompletedTask;
                    },
                };
            });
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AccessRequirementHandler>());
        services.AddAuthorizationBuilder().AddPolicy(IncidentEndpoints.ApiPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().AddRequirements(new AccessRequirement()));
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
