using IncidentFlows.App.Hosting;
using IncidentFlows.App.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Web;

/// <summary>
/// The web pages' services and sign-in (docs/adr/0009-web-pages.md). Pages accept, chosen per request:
/// the App Service principal (Functions host behind Easy Auth), an Entra ID cookie session with OpenID
/// Connect (standalone server, when configured), or else exactly the API's credentials (API key, bearer,
/// and the local developer in development mode only). Nothing is open by default.
/// </summary>
public static class WebServiceCollectionExtensions
{
    public const string PagePolicy = "IncidentFlowsWeb";
    public const string Scheme = "IncidentFlowsWeb";
    private const string Cookie = "IncidentFlowsWebCookie";

    /// <summary>Call after AddIncidentFlows (it registers the API's authentication this builds on).</summary>
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var entra = configuration.GetSection(IncidentFlowsOptions.Section).Get<IncidentFlowsOptions>()?.Entra ?? new EntraOptions();
        services.AddScoped<PageRenderer>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "IncidentFlows.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        var authentication = services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Pages: App Service principal, Entra ID session or the API's credentials", o =>
                o.ForwardDefaultSelector = http => Choose(http, web));
        if (web.AppServiceAuthentication)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, AppServicePrincipalHandler>(AppServicePrincipalHandler.SchemeName, null);
        }

        if (web.Oidc.IsConfigured)
        {
            authentication
                .AddCookie(Cookie, o =>
                {
                    o.Cookie.Name = "IncidentFlows.Session";
                    o.Cookie.SameSite = SameSiteMode.Lax; // the sign-in redirect comes back from Entra ID
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.ExpireTimeSpan = TimeSpan.FromHours(8);
                    o.ForwardChallenge = OpenIdConnectDefaults.AuthenticationScheme;
                })
                .AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, o =>
                {
                    o.SignInScheme = Cookie;
                    o.Authority = web.Oidc.Authority ?? $"https://login.microsoftonline.com/{entra.TenantId}/v2.0";
                    o.ClientId = web.Oidc.ClientId;
                    o.ClientSecret = web.Oidc.ClientSecret;
                    o.ResponseType = "code";
                    o.MapInboundClaims = false;
                    o.TokenValidationParameters.NameClaimType = "name";
                    o.TokenValidationParameters.RoleClaimType = "roles";
                    o.Events.OnTokenValidated = context =>
                    {
                        EntraClaims.Normalize(context.Principal, bearer: false);
                        return Task.CompletedTask;
                    };
                });
        }

        services.AddAuthorizationBuilder().AddPolicy(PagePolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().AddRequirements(new AccessRequirement()));
        return services;
    }

    private static string Choose(HttpContext http, WebOptions web)
    {
        if (web.AppServiceAuthentication)
        {
            return AppServicePrincipalHandler.SchemeName;
        }

        var presentsApiCredential = http.Request.Headers.Authorization.Count > 0 || http.Request.Headers.ContainsKey("X-Api-Key");
        return web.Oidc.IsConfigured && !presentsApiCredential ? Cookie : SecurityServiceCollectionExtensions.Scheme;
    }
}
