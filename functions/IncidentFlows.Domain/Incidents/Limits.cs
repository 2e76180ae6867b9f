namespace IncidentFlows.Domain.Incidents;

/// <summary>Input limits: generous for people, and far below the storage limit of 64 KiB a property.</summary>
public static class Limits
{
    public const int TitleLength = 200;
    public const int TextLength = 4000;
    public const int IdLength = 64;

    /// <summary>What Teams or an exception said about a failed delivery, kept on the timeline up to this length.</summary>
    public const int DeliveryDetailLength = 500;

    /// <summary>Keeps the state snapshot row far below 1 MiB; past this many, a postmortem needs a project, not items.</summary>
    public const int ActionItemsPerIncident = 100;
}
