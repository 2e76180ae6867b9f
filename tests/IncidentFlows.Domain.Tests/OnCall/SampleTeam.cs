using IncidentFlows.Domain.OnCall;
using IncidentFlows.Domain.OnCall.Configuration;

namespace IncidentFlows.Domain.Tests.OnCall;

/// <summary>The sample follow-the-sun team the standalone server loads, parsed once.</summary>
internal static class SampleTeam
{
    public static TeamConfiguration Configuration { get; } = TeamConfigurationParser.Parse(Given.SampleTeamJson()) switch
    {
        TeamConfigurationResult.Valid valid => valid.Configuration,
        TeamConfigurationResult.Invalid invalid => throw new InvalidOperationException(string.Join(Environment.NewLine, invalid.Problems)),
        _ => throw new InvalidOperationException("Unknown result."),
    };
}
