using IncidentFlows.Domain.Learning;
using NodaTime;

namespace IncidentFlows.Domain.Tests.Learning;

public class PostmortemGoldenSpecs
{
    [Fact]
    public void A_fixed_history_gives_exactly_the_golden_postmortem()
    {
        var impact = new ServiceImpact("model-serving", "ML Platform", "Customers saw errors instead of recommendations");
        var markdown = PostmortemWriter.Markdown(new PostmortemInput(ModelLoadingIncident.History(), [impact], DateTimeZone.Utc));

        GoldenFile.AssertMatches("postmortem-inc-7.md", markdown);
    }

    [Fact]
    public void Writing_the_same_history_twice_gives_the_same_text()
    {
        var first = PostmortemWriter.Markdown(new PostmortemInput(ModelLoadingIncident.History()));
        var second = PostmortemWriter.Markdown(new PostmortemInput([.. ModelLoadingIncident.History()]));

        Assert.Equal(first, second);
    }
}
