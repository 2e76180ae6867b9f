namespace IncidentFlows.App.Teams;

/// <summary>
/// <c>IncidentFlows:Teams</c>: the bot's Entra app and the incidents team. Teams is on when
/// <see cref="AppId"/> is set; otherwise effects go to the console.
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "IncidentFlows:Teams";

    /// <summary>The bot's Microsoft App ID: the audience of inbound tokens and the identity of outbound calls.</summary>
    public string? AppId { get; set; }

    /// <summary>The tenant of a single-tenant bot (needed for the client-secret credential).</summary>
    public string? TenantId { get; set; }

    /// <summary>Client secret of the app registration (Key Vault reference in production). Or use a managed identity.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Client id of the user-assigned managed identity the bot is registered with (Azure Bot "UserAssignedMSI").</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Graph's id (the Entra group id) of the team that holds the incidents channel and the war rooms. Learned at install if empty.</summary>
    public string? IncidentsTeamGroupId { get; set; }

    /// <summary>The Teams channel id (<c>19:…@thread.tacv2</c>) announcements go to; empty: the team's General channel.</summary>
    public string? IncidentsChannelId { get; set; }

    /// <summary>
    /// Development only: post every war room into this existing channel instead of creating channels
    /// through Graph (for the Agents Playground, which cannot show channels Graph creates).
    /// </summary>
    public string? WarRoomChannelId { get; set; }

    /// <summary>Archive the war-room channel when its incident closes.</summary>
    public bool ArchiveWarRoomsOnClose { get; set; }

    /// <summary>Where the Bot Framework publishes its signing keys (tests point this at a loopback fake).</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>
    /// The Entra tenants whose activities the bot accepts (<c>channelData.tenant.id</c>), separated by
    /// commas; empty: the bot's own <see cref="TenantId"/>. Outside development mode one is required.
    /// </summary>
    public string? AllowedTenantIds { get; set; }

    /// <summary>
    /// The Bot Connector hosts an activity's <c>serviceUrl</c> may name (URL prefixes, separated by
    /// commas): replies and proactive posts carry the bot's token there. The default is the public
    /// Teams Connector; sovereign clouds and tests add theirs.
    /// </summary>
    public string AllowedServiceUrls { get; set; } = "https://smba.trafficmanager.net/";

    /// <summary>Graph's base address (tests point this at a loopback fake).</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>Where people reach this deployment's API, for links in Teams posts (the postmortem); empty: paths only.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Used for proactive posts before any activity has told us the serviceUrl.</summary>
    public Uri DefaultServiceUrl { get; set; } = new("https://smba.trafficmanager.net/teams/");

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId);

    /// <summary><see cref="AllowedTenantIds"/>, else the bot's own tenant; empty when neither is set.</summary>
    public IReadOnlyList<string> TenantAllowList() =>
        List(AllowedTenantIds) is { Count: > 0 } listed ? listed : List(TenantId);

    /// <summary><see cref="AllowedServiceUrls"/> as absolute URIs (an entry that is not one is ignored).</summary>
    public IReadOnlyList<Uri> ServiceUrlAllowList() =>
        [.. List(AllowedServiceUrls).Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null).OfType<Uri>()];

    private static List<string> List(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
