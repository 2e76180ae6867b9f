using Azure;
using Azure.Core;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>Builds the HTTP messages of the Table REST API and sends them, mapping failures to typed exceptions.</summary>
internal sealed class TableRequests(TableServiceClient service)
{
    public const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";

    public Uri Endpoint => service.Endpoint;

    public HttpMessage Create(RequestMethod method, string relativePath, ETag? ifMatch = null)
    {
        var message = service.Pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(service.Endpoint);
        request.Uri.AppendPath("/" + relativePath, escape: false);
        request.Headers.SetValue("x-ms-version", service.ServiceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", JsonMinimalMetadata);
        if (ifMatch is { } etag)
        {
            request.Headers.SetValue("If-Match", etag.ToString("H"));
        }

        return message;
    }

    public static void SetJson(HttpMessage message, byte[] json)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(json);
    }

    /// <summary>Sends; returns the response when its status is one of <paramref name="ok"/>, throws otherwise.</summary>
    public async Task<Response> SendAsync(HttpMessage message, string operation, CancellationToken ct, params int[] ok)
    {
        try
        {
            await service.Pipeline.SendAsync(message, ct);
        }
        catch (AggregateException e)
        {
            throw TableErrors.Unavailable(service.Endpoint, operation, e);
        }
        catch (RequestFailedException e) when (e.Status == 0)
        {
            throw TableErrors.Unavailable(service.Endpoint, operation, e);
        }

        var response = message.Response;
        return ok.Contains(response.Status) ? response : throw TableErrors.FromResponse(response, operation);
    }

    /// <summary>Quotes and escapes a key for a URL path: <c>'</c> doubles, then percent-encoding.</summary>
    public static string KeyLiteral(string key) => "'" + Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal)) + "'";

    public static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"{table}(PartitionKey={KeyLiteral(partitionKey)},RowKey={KeyLiteral(rowKey)})";
}
