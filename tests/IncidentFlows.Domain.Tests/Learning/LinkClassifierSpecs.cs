using IncidentFlows.Domain.Learning;

namespace IncidentFlows.Domain.Tests.Learning;

/// <summary>Links to known tools in a war-room message become timeline entries; other links do not.</summary>
public class LinkClassifierSpecs
{
    [Theory]
    [InlineData("https://github.com/contoso/shop/pull/412", "GitHub pull request", "contoso/shop#412")]
    [InlineData("https://github.com/contoso/shop/commit/9f3e2c1ab77", "GitHub commit", "contoso/shop@9f3e2c1")]
    [InlineData("https://github.com/contoso/shop/issues/88", "GitHub issue", "contoso/shop#88")]
    [InlineData("https://dev.azure.com/contoso/Retail/_git/checkout/pullrequest/1201", "Azure DevOps pull request", "Retail/checkout!1201")]
    [InlineData("https://dev.azure.com/contoso/Retail/_workitems/edit/733", "Azure DevOps work item", "Retail #733")]
    [InlineData("https://contoso.sentry.io/issues/4512/?project=7", "Sentry issue", "issue 4512")]
    [InlineData("https://grafana.contoso.com/d/a1b2c3/checkout-latency?orgId=1", "Grafana dashboard", "checkout-latency")]
    [InlineData("https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions/1/resourceGroups/rg-shop/providers/Microsoft.Web/sites/shop-api/overview", "Azure portal resource", "shop-api in rg-shop")]
    [InlineData("https://app.datadoghq.eu/monitors/123", "Datadog page", "monitors/123")]
    public void A_link_of_a_known_tool_is_recognised_with_a_title(string url, string kind, string title) =>
        Assert.Equal(new SharedLink(kind, url, title), Assert.Single(LinkClassifier.Find($"look: {url}.", [])));

    [Fact]
    public void Other_links_and_plain_text_are_not_recorded() =>
        Assert.Empty(LinkClassifier.Find("lunch at https://example.com/menu? or http://intranet/wiki", []));

    [Fact]
    public void A_teams_own_pattern_comes_first_and_names_the_link()
    {
        LinkPattern runbooks = new("runbook", @"^https://wiki\.contoso\.com/runbooks/(?<page>[\w-]+)", "{page}");

        var found = LinkClassifier.Find("see https://wiki.contoso.com/runbooks/db-failover and https://github.com/contoso/shop/pull/1 twice https://github.com/contoso/shop/pull/1", [runbooks]);

        Assert.Equal(["runbook: db-failover", "GitHub pull request: contoso/shop#1"], found.Select(l => $"{l.Kind}: {l.Title}"));
    }

    [Fact]
    public void A_pattern_that_is_not_a_regular_expression_is_a_problem_and_one_that_backtracks_forever_never_stalls()
    {
        Assert.NotNull(LinkClassifier.Problem("(unclosed"));
        Assert.Empty(LinkClassifier.Find("https://x.example/" + new string('a', 40) + "b", [new LinkPattern("slow", @"^https://x\.example/(a+)+$")]));
    }
}
