using System.Security.Claims;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Teams.Inbound;
using IncidentFlows.App.Teams.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentFlows.Testing.Teams;

/// <summary>What the bot's door said to one request: let in, or refused with a status and the logged reason.</summary>
public sealed record BotDoorVerdict(int Status, string? Reason)
{
    public bool IsValid => Status == 200;
}

/// <summary>
/// The bot's inbound checks exactly as <see cref="BotAuthentication"/> registers them (the Bot Framework
/// scheme on a loopback issuer) followed by <see cref="ActivityAdmission"/>, without a web host:
/// a request is authenticated on a <see cref="DefaultHttpContext"/>, as the Functions host does.
/// </summary>
public sealed class BotDoor : IDisposable
{
    public const string Tenant = "72f988bf-0000-4000-8000-000000000001";

    private readonly ServiceProvider _services;

    public BotDoor(Uri metadataUrl, string appId, IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["IncidentFlows:Teams:AppId"] = appId,
            ["IncidentFlows:Teams:OpenIdMetadataUrl"] = metadataUrl?.AbsoluteUri,
            ["IncidentFlows:Teams:AllowedTenantIds"] = Tenant,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = configuration.GetSection(IncidentFlowsOptions.Section).Get<IncidentFlowsOptions>()!;
        _services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug))
            .Configure<TeamsOptions>(configuration.GetSection(TeamsOptions.Section))
            .AddBotAuthentication(options)
            .BuildServiceProvider();
    }

    public RecordingLogs Logs { get; } = new();

    /// <summary>A Teams activity from <see cref="Tenant"/> at <paramref name="serviceUrl"/> on <paramref name="channelId"/>.</summary>
    public static Activity Activity(string serviceUrl, string channelId = "msteams", string tenant = Tenant) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = serviceUrl,
        ChannelId = channelId,
        Conversation = new ConversationAccount("a:1", "personal"),
        From = new ChannelAccount("29:1"),
        ChannelData = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = tenant } },
    };

    public async Task<BotDoorVerdict> CheckAsync(string? authorization, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var scope = _services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        var result = await http.AuthenticateAsync(BotAuthentication.Scheme);
        if (!result.Succeeded)
        {
            return new(401, result.Failure is { } f ? $"{f.GetType().Name}: {f.Message}" : "no bearer token");
        }

        var refusal = ActivityAdmission.Check(result.Principal ?? new ClaimsPrincipal(), activity, _services.GetRequiredService<IOptions<TeamsOptions>>().Value);
        return refusal is null ? new(200, null) : new(refusal.Status, refusal.Detail);
    }

    public void Dispose()
    {
        _services.Dispose();
        Logs.Dispose();
    }
}
