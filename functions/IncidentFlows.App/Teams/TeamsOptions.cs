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

    /// <summary>Graph's base address (tests point this at a loopback fake).</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>Where people reach this deployment's API, for links in Teams posts (the postmortem); empty: paths only.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Used for proactive posts before any activity has told us the serviceUrl.</summary>
    public Uri DefaultServiceUrl { get; set; } = new("https://smba.trafficmanager.net/teams/");

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId);
}
