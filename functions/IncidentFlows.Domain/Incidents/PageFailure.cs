namespace IncidentFlows.Domain.Incidents;

/// <summary>Why a page could not reach its person. Stored by name: add values, never rename them.</summary>
public enum PageFailure
{
    /// <summary>The app is not installed for that person, so the bot cannot open a chat with them.</summary>
    AppNotInstalled,

    /// <summary>The person is not a team member with a Teams identity in the configuration.</summary>
    NoTeamsIdentity,

    /// <summary>Teams (the Bot Connector) refused the message.</summary>
    TeamsRefused,

    /// <summary>Teams did not answer within the resilience pipeline's total timeout.</summary>
    TimedOut,

    /// <summary>The page's activity failed on every attempt (storage or an unexpected error).</summary>
    GaveUp,
}

public static class PageFailures
{
    public static string Display(this PageFailure failure) => failure switch
    {
        PageFailure.AppNotInstalled => "the app is not installed for them",
        PageFailure.NoTeamsIdentity => "they have no Teams identity in the team's configuration",
        PageFailure.TeamsRefused => "Teams refused the message",
        PageFailure.TimedOut => "Teams did not answer in time",
        PageFailure.GaveUp => "every attempt failed",
        _ => failure.ToString(),
    };
}
