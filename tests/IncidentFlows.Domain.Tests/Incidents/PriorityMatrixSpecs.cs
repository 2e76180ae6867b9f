using IncidentFlows.Domain.Incidents;
using static IncidentFlows.Domain.Incidents.ActionItemSize;

namespace IncidentFlows.Domain.Tests.Incidents;

/// <summary>The whole matrix, row by row as docs/action-items.md shows it.</summary>
public class PriorityMatrixSpecs
{
    [Theory]
    // importance, urgency → hours, days, weeks
    [InlineData(Importance.High, Urgency.High, Priority.P1, Priority.P1, Priority.P1)]
    [InlineData(Importance.High, Urgency.Medium, Priority.P1, Priority.P2, Priority.P3)]
    [InlineData(Importance.High, Urgency.Low, Priority.P2, Priority.P3, Priority.P4)]
    [InlineData(Importance.Medium, Urgency.High, Priority.P1, Priority.P2, Priority.P3)]
    [InlineData(Importance.Medium, Urgency.Medium, Priority.P2, Priority.P3, Priority.P4)]
    [InlineData(Importance.Medium, Urgency.Low, Priority.P3, Priority.P4, Priority.P4)]
    [InlineData(Importance.Low, Urgency.High, Priority.P2, Priority.P3, Priority.P4)]
    [InlineData(Importance.Low, Urgency.Medium, Priority.P3, Priority.P4, Priority.P4)]
    [InlineData(Importance.Low, Urgency.Low, Priority.P3, Priority.P4, Priority.P4)]
    public void Priority_comes_from_importance_and_urgency_adjusted_by_size(Importance importance, Urgency urgency, Priority hours, Priority days, Priority weeks)
    {
        Assert.Equal(hours, PriorityMatrix.Of(importance, urgency, Hours));
        Assert.Equal(days, PriorityMatrix.Of(importance, urgency, Days));
        Assert.Equal(weeks, PriorityMatrix.Of(importance, urgency, Weeks));
    }

    [Fact]
    public void More_importance_or_urgency_never_lowers_the_priority()
    {
        foreach (var size in Enum.GetValues<ActionItemSize>())
        {
            foreach (var urgency in Enum.GetValues<Urgency>())
            {
                Assert.True(PriorityMatrix.Of(Importance.High, urgency, size) <= PriorityMatrix.Of(Importance.Medium, urgency, size));
                Assert.True(PriorityMatrix.Of(Importance.Medium, urgency, size) <= PriorityMatrix.Of(Importance.Low, urgency, size));
            }
        }
    }
}
