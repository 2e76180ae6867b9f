using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using IncidentFlows.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IncidentFlows.Server.Tests.Web;

/// <summary>The pages, rendered by the real server on Azurite, read as a browser would (AngleSharp parses the HTML).</summary>
[Collection(SharedAzurite.Name)]
public sealed class WebPageSpecs(AzuriteFixture azurite)
{
    private static readonly object CheckoutSev1 = new { title = "Checkout failing", severity = "sev1", service = "checkout", reporter = new { id = "sam", name = "Sam Okafor" } };

    [Fact]
    public async Task A_page_without_sign_in_is_refused_and_names_no_incident()
    {
        using var host = new ServerHost(azurite.Server);
        using var anonymous = host.CreateClient();

        var response = await anonymous.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Checkout", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_open_incidents_with_severity_status_and_age_and_filters_by_severity()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();
        await host.DeclareAsync(new { title = "Search slow", severity = "sev3", service = "search", reporter = new { id = "sam", name = "Sam Okafor" } });

        var all = await PageAsync(host.Api, "/");
        var sev1Only = await PageAsync(host.Api, "/?severity=sev1");

        var row = all.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Checkout failing", StringComparison.Ordinal));
        Assert.Equal(["SEV1", "Checkout failing " + id, "triage"], row.QuerySelectorAll("td").Take(3).Select(c => c.TextContent.Trim()));
        Assert.Equal($"/incidents/{id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(2, all.QuerySelectorAll("tbody tr").Length);
        Assert.Single(sev1Only.QuerySelectorAll("tbody tr"));
        Assert.NotNull(all.QuerySelector("header[role=banner]"));
        Assert.NotNull(all.QuerySelector("main"));
        Assert.NotNull(all.QuerySelector("nav[aria-label=Main]"));
    }

    [Fact]
    public async Task Acknowledging_from_the_homepage_posts_the_command_and_the_page_shows_who_acknowledged()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();
        await host.EventuallyAsync(id, i => i["escalation"] is not null, "escalation to start");

        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }); // keeps the antiforgery cookie
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ServerHost.Key);
        var before = await PageAsync(browser, $"/incidents/{id}?tz=Asia/Tokyo");
        var form = before.QuerySelector($"form[action='/incidents/{id}/acknowledge']")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value")!));
        using var post = await browser.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
        var after = await PageAsync(browser, post.Headers.Location!.OriginalString);
        var incident = await host.GetAsync($"/api/incidents/{id}");

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal($"/incidents/{id}?done=acknowledge", post.Headers.Location.OriginalString);
        var by = incident["acknowledgedBy"]!["name"]!.GetValue<string>(); // the signed-in caller, not someone the form named
        Assert.Contains($"Signed in as {by}", after.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Acknowledged. by {by}", after.QuerySelector("section[aria-labelledby=esc]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Acknowledged. Escalation has stopped.", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector($"form[action='/incidents/{id}/acknowledge']"));
        Assert.Contains("Time (Asia/Tokyo)", before.QuerySelector("#timeline th")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("+", before.QuerySelectorAll("section[aria-labelledby=times] td")[^1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Contoso Retail", before.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Paged at level 1", before.QuerySelector("section[aria-labelledby=esc]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_resolved_the_homepage_marks_the_postmortem_reviewed_and_then_stops_offering_it()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();
        await host.EventuallyAsync(id, i => i["escalation"] is not null, "escalation to start");
        await host.PostAsync($"/api/incidents/{id}/resolve", new { summary = "rolled back" });

        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }); // keeps the antiforgery cookie
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ServerHost.Key);
        var before = await PageAsync(browser, $"/incidents/{id}");
        var form = before.QuerySelector($"form[action='/incidents/{id}/postmortem-review']")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value")!));
        using var post = await browser.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
        var after = await PageAsync(browser, post.Headers.Location!.OriginalString);
        var incident = await host.GetAsync($"/api/incidents/{id}");

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.NotNull(incident["keyTimes"]!["postmortemReviewed"]);
        Assert.Contains("Postmortem marked reviewed", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector($"form[action='/incidents/{id}/postmortem-review']"));
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();

        using var post = await host.Api.PostAsync(new Uri($"/incidents/{id}/acknowledge", UriKind.Relative), new FormUrlEncodedContent([]));
        var incident = await host.GetAsync($"/api/incidents/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.Null(incident["acknowledgedBy"]);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_a_problem_naming_the_field()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();

        using var response = await host.Api.GetAsync(new Uri($"/incidents/{id}?tz=Mars/Olympus", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"tz\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_postmortem_page_has_the_markdown_postmortems_headings_and_timeline()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();
        var markdown = await host.Api.GetStringAsync(new Uri($"/api/incidents/{id}/postmortem?tz=UTC", UriKind.Relative));

        var page = await PageAsync(host.Api, $"/incidents/{id}/postmortem?tz=UTC");

        var headings = markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToList();
        Assert.NotEmpty(headings);
        Assert.Equal(headings, page.QuerySelectorAll("article h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("Declared SEV1 on checkout: Checkout failing", page.QuerySelector("article")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_oncall_week_across_the_UK_clock_change_keeps_Olivers_handoff_at_ten_local()
    {
        using var host = new ServerHost(azurite.Server);

        // Friday 27 March 2026; the UK moves to BST on Sunday 29 March. Oliver's London week starts Monday 30 March 10:00 BST = 09:00Z.
        var page = await PageAsync(host.Api, "/oncall?at=2026-03-27T09:30:00Z&tz=Europe/London");
        var lane = page.QuerySelector("ul[aria-label='Follow the sun coverage']")!;
        var bandAtTenLocal = lane.QuerySelectorAll("li.band").Single(b =>
            string.CompareOrdinal(b.GetAttribute("data-start"), "2026-03-30T09:30:00Z") <= 0 && string.CompareOrdinal(b.GetAttribute("data-end"), "2026-03-30T09:30:00Z") > 0);

        Assert.Equal("oliver", bandAtTenLocal.GetAttribute("data-people"));
        Assert.Equal("2026-03-30T09:00:00Z", bandAtTenLocal.GetAttribute("data-start"));
        Assert.Contains("2026-03-30 10:00:00 BST", bandAtTenLocal.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal("2026-03-29T01:00:00Z", lane.QuerySelector("li.dst")!.GetAttribute("data-at"));
        Assert.Contains("Priya Shah", page.QuerySelector("section[aria-labelledby=now] tbody td:nth-child(3)")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_metrics_page_draws_a_chart_per_measure_without_drills()
    {
        using var host = new ServerHost(azurite.Server);
        await host.DeclareAsync(CheckoutSev1);
        await host.DeclareAsync(new { title = "Game day", severity = "sev4", kind = "drill", reporter = new { id = "sam", name = "Sam Okafor" } });

        var today = DateTimeOffset.UtcNow.UtcDateTime.Date;
        var page = await PageAsync(host.Api, $"/metrics?from={today.AddDays(-1):yyyy-MM-dd}T00:00:00Z&to={today.AddDays(1):yyyy-MM-dd}T00:00:00Z");

        Assert.Contains("1 real incident(s); 1 drill(s)", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var bars = page.QuerySelectorAll("svg[aria-label='Incidents by severity'] text").Select(t => t.TextContent.Trim()).Chunk(2).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal("1", bars["SEV1"]);
        Assert.Equal("0", bars["SEV4"]);
    }

    [Fact]
    public async Task Behind_app_service_authentication_a_signed_in_principal_sees_the_page_and_nobody_else_does()
    {
        using var host = new ServerHost(azurite.Server, new Dictionary<string, string?> { ["IncidentFlows:Web:AppServiceAuthentication"] = "true" });
        using var client = host.CreateClient();
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes("""
            {"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"Priya Shah"},{"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"5b0c1d6e-1a2b-4c3d-8e4f-000000000004"},{"typ":"roles","val":"respond"}]}
            """));

        var without = await client.GetAsync(new Uri("/oncall", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oncall");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        using var with = await client.SendAsync(request);
        var html = await with.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Contains("Signed in as Priya Shah", html, StringComparison.Ordinal);
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
    }
}
