namespace IncidentFlows.Domain.OnCall.Configuration;

/// <summary>A parsed configuration file: a complete valid configuration, or every problem — never both, never partial.</summary>
public abstract record TeamConfigurationResult
{
    private TeamConfigurationResult()
    {
    }

    public sealed record Valid(TeamConfiguration Configuration) : TeamConfigurationResult;

    public sealed record Invalid(IReadOnlyList<ConfigProblem> Problems) : TeamConfigurationResult;
}
