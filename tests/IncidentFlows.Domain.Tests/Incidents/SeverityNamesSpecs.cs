using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.Domain.Tests.Incidents;

public class SeverityNamesSpecs
{
    [Theory]
    [InlineData("sev2", Severity.Sev2)]
    [InlineData("SEV 0", Severity.Sev0)]
    [InlineData("p1", Severity.Sev1)]
    [InlineData("4", Severity.Sev4)]
    public void Severities_are_read_the_way_people_write_them(string text, Severity expected)
    {
        Assert.Equal(expected, SeverityNames.Parse(text));
    }

    [Theory]
    [InlineData("sev5")]
    [InlineData("critical")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_severity(string? text)
    {
        Assert.Null(SeverityNames.Parse(text));
    }
}
