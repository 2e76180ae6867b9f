using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentFlows.App.Security;
using IncidentFlows.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.Server.Tests;

/// <summary>
/// The standalone server in-process, on real Azurite (fresh tables per host), the sample
/// follow-the-sun team and one API key: the Durable Task engine on the machine's clock, as in production.
/// Specs that need time to pass use short real timeouts (<see cref="TeamFiles"/>: ackTimeoutSeconds).
/// </summary>
internal sealed class ServerHost : WebApplicationFactory<Program>
{
    public const string Key = "ifk_test-key-for-the-end-to-end-tests";

    /// <summary>Monday 23 November 2026, 10:00 UTC: London's layer is on call.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly AzuriteServer _azurite;
    private readonly string _tablePrefix;
    private readonly string? _keysFile;
    private readonly Action<IServiceCollection>? _services;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <summary>The sample team, or <paramref name="teamFile"/> (see <see cref="TeamFiles"/>).</summary>
    public ServerHost(AzuriteServer azurite, string? tablePrefix = null, string? keysFile = null, Action<IServiceCollection>? services = null, string? teamFile = null)
        : this(azurite, teamFile is null ? new Dictionary<string, string?>() : new() { ["IncidentFlows:Team:ConfigFile"] = teamFile }, services, tablePrefix: tablePrefix, keysFile: keysFile)
    {
    }

    /// <summary>
    /// With extra settings and test services; on a real loopback port when <paramref name="kestrelPort"/> is given.
    /// </summary>
    public ServerHost(
        AzuriteServer azurite,
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null,
        int? kestrelPort = null,
        string? tablePrefix = null,
        string? keysFile = null)
    {
        _azurite = azurite;
        _settings = settings;
        _services = services;
        _keysFile = keysFile;
        _tablePrefix = tablePrefix ?? "e2e" + Guid.NewGuid().ToString("N")[..10];
        if (kestrelPort is { } port)
        {
            UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
            StartServer();
        }

        Api = CreateClient();
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", Key);
    }

    public HttpClient Api { get; }

    public string TablePrefix => _tablePrefix;

    public static string SampleTeamFile => Path.Combine(RepositoryRoot.Find().FullName, "samples", "teams", "follow-the-sun.json");

    public async Task<JsonObject> DeclareAsync(object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await Api.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"declare: {(int)response.StatusCode} {json}");
        return JsonNode.Parse(json)!.AsObject();
    }

    public async Task<JsonObject> GetAsync(string path) => (await Api.GetFromJsonAsync<JsonObject>(path))!;

    public async Task<JsonObject> PostAsync(string path, object? body = null)
    {
        using var response = await Api.PostAsync(path, body is null ? null : JsonContent.Create(body));
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {json}");
        return JsonNode.Parse(json)!.AsObject();
    }

    /// <summary>Polls (in real time) until the incident satisfies <paramref name="condition"/>; effects run in the background.</summary>
    public async Task<JsonObject> EventuallyAsync(string id, Func<JsonObject, bool> condition, string what)
    {
        JsonObject? last = null;
        return await Poll.UntilAsync(
            async () => condition(last = await GetAsync($"/api/incidents/{id}")) ? last : null,
            () => $"{what}: {last?.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("IncidentFlows:Storage:ConnectionString", _azurite.ConnectionString);
        builder.UseSetting("IncidentFlows:Storage:TablePrefix", _tablePrefix);
        builder.UseSetting("IncidentFlows:Team:ConfigFile", SampleTeamFile);
        if (_keysFile is not null)
        {
            builder.UseSetting("IncidentFlows:ApiKeysFile", _keysFile); // the test's own keys, and only those
        }
        else
        {
            builder.UseSetting("IncidentFlows:ApiKeys:Keys:0:Name", "e2e");
            builder.UseSetting("IncidentFlows:ApiKeys:Keys:0:Team", "platform");
            builder.UseSetting("IncidentFlows:ApiKeys:Keys:0:Sha256", ApiKeys.Hash(Key));
            builder.UseSetting("IncidentFlows:ApiKeys:Keys:0:Scopes:0", "administer"); // the specs also replace the configuration
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Api.Dispose();
        }

        base.Dispose(disposing);
    }
}
