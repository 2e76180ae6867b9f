using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Web;

/// <summary>
/// The person App Service built-in authentication signed in, read from the <c>X-MS-CLIENT-PRINCIPAL</c>
/// header (base64 JSON: auth_typ, name_typ, role_typ, claims). Registered only when
/// <see cref="WebOptions.AppServiceAuthentication"/> is on, i.e. behind Easy Auth, which removes the
/// header from what clients send. No header or a malformed one: not signed in.
/// </summary>
public sealed class AppServicePrincipalHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppServicePrincipal";
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[Header].ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(Parse(header) is { } principal
            ? AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName))
            : AuthenticateResult.Fail($"{Header} is not a client principal."));
    }

    /// <summary>The principal in the header, with the name and role claim types it declares mapped to ours.</summary>
    public static ClaimsPrincipal? Parse(string header)
    {
        ClientPrincipal? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }

        if (parsed?.Claims is not { Count: > 0 } claims)
        {
            return null;
        }

        var nameType = parsed.NameType ?? ClaimTypes.Name;
        var roleType = parsed.RoleType ?? ClaimTypes.Role;
        var identity = new ClaimsIdentity(parsed.AuthenticationType ?? "aad", ClaimTypes.Name, ClaimTypes.Role);
        foreach (var claim in claims.Where(c => c.Type is { Length: > 0 } && c.Value is not null))
        {
            var type = claim.Type == nameType ? ClaimTypes.Name : claim.Type == roleType ? ClaimTypes.Role
                : claim.Type is "http://schemas.microsoft.com/identity/claims/objectidentifier" or "oid" ? ClaimTypes.NameIdentifier : claim.Type!;
            identity.AddClaim(new Claim(type, claim.Value!));
        }

        return identity.FindFirst(ClaimTypes.NameIdentifier) is null && identity.FindFirst(ClaimTypes.Name) is null ? null : new ClaimsPrincipal(identity);
    }

    private sealed record ClientPrincipal(
        [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
        [property: JsonPropertyName("name_typ")] string? NameType,
        [property: JsonPropertyName("role_typ")] string? RoleType,
        [property: JsonPropertyName("claims")] IReadOnlyList<ClientClaim>? Claims);

    private sealed record ClientClaim([property: JsonPropertyName("typ")] string? Type, [property: JsonPropertyName("val")] string? Value);
}
