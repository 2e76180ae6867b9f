using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using IncidentFlows.App.Storage.Tables;

namespace IncidentFlows.App.Tests.Storage.Tables;

/// <summary>What goes over the wire, checked with a recording HTTP handler (no service needed).</summary>
public sealed class TablePipelineTests
{
    private static TableClientOptions Options(RecordingHandler handler, int maxRetries = 0)
    {
        var options = new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        return options;
    }

    [Fact]
    public async Task A_token_credential_signs_requests_with_a_bearer_token_for_the_storage_scope()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var credential = new StaticCredential();
        var client = new TableServiceClient(new Uri("https://incflows.table.core.windows.net"), credential, Options(handler));

        await client.GetTableClient("Incidents").UpsertAsync(new TableEntity("p", "r") { ["A"] = 1 });

        Assert.Equal("Bearer test-token", handler.Requests.Single().Headers.Authorization?.ToString());
        Assert.Equal([TableServiceClient.StorageScope], credential.Scopes);
    }

    [Fact]
    public async Task A_token_credential_over_plain_http_is_refused()
    {
        var client = new TableServiceClient(new Uri("http://127.0.0.1:1/devstoreaccount1"), new StaticCredential(), Options(new RecordingHandler(HttpStatusCode.NoContent)));

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => client.GetTableClient("Incidents").CreateIfNotExistsAsync());
    }

    [Fact]
    public async Task Shared_key_requests_carry_the_sharedkeylite_signature_and_the_table_headers()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var client = new TableServiceClient("DefaultEndpointsProtocol=https;AccountName=incflows;AccountKey=a2V5", Options(handler));

        await client.GetTableClient("Incidents").DeleteAsync("it's", "r-1", Azure.ETag.All);

        var request = handler.Requests.Single();
        var date = request.Headers.GetValues("x-ms-date").Single();
        var stringToSign = date + "\n/incflows/Incidents(PartitionKey='it%27%27s',RowKey='r-1')";
        var signature = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData("key"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes(stringToSign)));
        Assert.Equal($"SharedKeyLite incflows:{signature}", request.Headers.Authorization?.ToString());
        Assert.Equal("https://incflows.table.core.windows.net/Incidents(PartitionKey='it%27%27s',RowKey='r-1')", request.RequestUri!.AbsoluteUri);
        Assert.Equal("*", request.Headers.IfMatch.Single().Tag);
        Assert.Equal(("application/json", "odata=minimalmetadata"), (request.Headers.Accept.Single().MediaType, request.Headers.Accept.Single().Parameters.Single().ToString()));
    }

    [Theory]
    [InlineData(429, "TooManyRequests", typeof(TableThrottledException))]
    [InlineData(503, "ServerBusy", typeof(TableThrottledException))]
    [InlineData(409, "TableAlreadyExists", typeof(TableConflictException))]
    [InlineData(400, "InvalidInput", typeof(TableRequestException))]
    public async Task Service_errors_map_to_typed_exceptions_with_status_and_code(int status, string code, Type expected)
    {
        var handler = new RecordingHandler((HttpStatusCode)status, "{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"nope\"}}}");
        var client = new TableServiceClient("AccountName=incflows;AccountKey=a2V5", Options(handler));

        var error = await Assert.ThrowsAnyAsync<TableRequestException>(() => client.GetTableClient("Incidents").InsertAsync(new TableEntity("p", "r") { ["A"] = 1 }));

        Assert.IsType(expected, error);
        Assert.Equal((status, code), (error.Status, error.ErrorCode));
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_is_retried_by_the_pipeline_before_it_surfaces()
    {
        var handler = new RecordingHandler(HttpStatusCode.TooManyRequests) { SucceedAfter = 2 };
        var client = new TableServiceClient("AccountName=incflows;AccountKey=a2V5", Options(handler, maxRetries: 3));

        await client.GetTableClient("Incidents").UpsertAsync(new TableEntity("p", "r") { ["A"] = 1 });

        Assert.Equal(3, handler.Requests.Count);
    }

    private sealed class StaticCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("test-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class RecordingHandler(HttpStatusCode status, string body = "") : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        public int SucceedAfter { get; init; } = int.MaxValue;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            var code = Requests.Count > SucceedAfter ? HttpStatusCode.NoContent : status;
            return Task.FromResult(new HttpResponseMessage(code) { Content = new StringContent(body), RequestMessage = request });
        }
    }
}
