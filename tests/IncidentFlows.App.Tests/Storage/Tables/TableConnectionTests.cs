using IncidentFlows.App.Storage.Tables;

namespace IncidentFlows.App.Tests.Storage.Tables;

public sealed class TableConnectionTests
{
    [Fact]
    public void Development_storage_points_at_azurite_with_the_well_known_account()
    {
        var c = TableConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), c.Endpoint);
        Assert.Equal(TableConnection.DevelopmentAccountName, c.AccountName);
    }

    [Fact]
    public void An_explicit_table_endpoint_wins_over_the_account_host()
    {
        var c = TableConnection.Parse("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:51234/devstoreaccount1/;");

        Assert.Equal(new Uri("http://127.0.0.1:51234/devstoreaccount1"), c.Endpoint);
        Assert.Equal("a2V5", c.AccountKey);
    }

    [Fact]
    public void An_account_key_string_builds_the_public_endpoint_from_name_and_suffix()
    {
        var c = TableConnection.Parse("DefaultEndpointsProtocol=https;AccountName=incflows;AccountKey=a2V5;EndpointSuffix=core.usgovcloudapi.net");

        Assert.Equal(new Uri("https://incflows.table.core.usgovcloudapi.net"), c.Endpoint);
    }

    [Theory]
    [InlineData("AccountName=x", "AccountKey")]
    [InlineData("SharedAccessSignature=sv=2020&sig=abc;TableEndpoint=https://x", "SAS")]
    [InlineData("nonsense", "Name=Value")]
    public void Incomplete_or_unsupported_strings_say_what_is_wrong(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TableConnection.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_is_not_shown_when_the_connection_is_printed() =>
        Assert.DoesNotContain("a2V5", TableConnection.Parse("AccountName=x;AccountKey=a2V5").ToString(), StringComparison.Ordinal);
}
