using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IncidentFlows.Testing.Teams;

/// <summary>
/// Plays login.botframework.com on loopback: OpenID metadata and a JWKS with our own RSA key, and
/// mints Bot Connector tokens — valid ones, and each kind of wrong one the bot must refuse.
/// </summary>
public sealed class FakeBotFrameworkIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "test-key-1";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _foreign = RSA.Create(2048);

    private FakeBotFrameworkIssuer(FakeHttpServer server) => Server = server;

    public FakeHttpServer Server { get; }

    public Uri MetadataUrl => new(Server.BaseUri, "v1/.well-known/openidconfiguration");

    /// <summary>While set, the metadata and keys answer 503, as an unreachable login.botframework.com would fail.</summary>
    public bool Down { get; set; }

    /// <summary>How many times the metadata document was asked for.</summary>
    public int MetadataFetches => Server.Requests.Count(r => r.Path == "/v1/.well-known/openidconfiguration");

    public static async Task<FakeBotFrameworkIssuer> StartAsync()
    {
        FakeBotFrameworkIssuer? issuer = null;
        var server = await FakeHttpServer.StartAsync(r => issuer!.Answer(r));
        issuer = new FakeBotFrameworkIssuer(server);
        return issuer;
    }

    /// <summary>A token as the Connector would send it; every part can be made wrong.</summary>
    public string Token(string audience, string serviceUrl, string issuer = Issuer, DateTime? expires = null, bool foreignKey = false, string keyId = KeyId)
    {
        var key = new RsaSecurityKey(foreignKey ? _foreign : _rsa) { KeyId = keyId }; // same kid: only the signature betrays it
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddMinutes(-60),
            NotBefore = exp.AddMinutes(-60),
            Expires = exp,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    public static string UnsignedToken(string audience, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64Url(new JsonObject { ["iss"] = Issuer, ["aud"] = audience, ["serviceurl"] = serviceUrl, ["nbf"] = now - 60, ["exp"] = now + 1800 }.ToJsonString());
        return $"{header}.{payload}.";
    }

    private FakeResponse Answer(RecordedRequest request) => Down ? new FakeResponse(503) : request.Path switch
    {
        "/v1/.well-known/openidconfiguration" => FakeResponse.Ok(new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = new Uri(Server.BaseUri, "v1/.well-known/keys").AbsoluteUri,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString()),
        "/v1/.well-known/keys" => FakeResponse.Ok(Jwks()),
        _ => new FakeResponse(404),
    };

    private string Jwks()
    {
        var p = _rsa.ExportParameters(false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = new JsonArray("msteams"),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    public async ValueTask DisposeAsync()
    {
        _rsa.Dispose();
        _foreign.Dispose();
        await Server.DisposeAsync();
    }
}
