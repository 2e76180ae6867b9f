using System.Text;
using Azure;
using Azure.Core;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// Entity-group transactions (<c>POST $batch</c>): a multipart/mixed body holding one changeset whose parts are
/// the operations as embedded HTTP requests. The service applies all or none; on failure it answers with the
/// failing operation's status and a message prefixed with its index (<c>"1:The specified entity already exists."</c>).
/// </summary>
internal static class TableTransaction
{
    public static async Task<IReadOnlyList<ETag>> SubmitAsync(TableRequests requests, string table, IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actions);
        Validate(actions);
        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes(BuildBody(requests.Endpoint, table, actions, batch, changeset));
        if (body.Length > EntityLimits.MaxTransactionBytes)
        {
            throw new ArgumentException($"The transaction is {body.Length} bytes; the service accepts at most {EntityLimits.MaxTransactionBytes} (4 MiB).", nameof(actions));
        }

        using var message = requests.Create(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", $"multipart/mixed; boundary={batch}");
        message.Request.Content = RequestContent.Create(body);
        var operation = $"Transaction of {actions.Count} on {table}/{actions[0].Entity.PartitionKey}";
        var response = await requests.SendAsync(message, operation, ct, 202);
        return BatchResponseParser.Parse(response.Content.ToString(), actions.Count, operation);
    }

    private static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > EntityLimits.MaxTransactionOperations)
        {
            throw new ArgumentException($"A transaction holds 1 to {EntityLimits.MaxTransactionOperations} operations; got {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"All operations of a transaction must share one partition key; got '{partition}' and '{action.Entity.PartitionKey}'.", nameof(actions));
            }

            if (!seen.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"Row '{action.Entity.RowKey}' appears twice in one transaction; the service allows one operation per entity.", nameof(actions));
            }

            if (action.ActionType != TableTransactionActionType.Delete)
            {
                EntityLimits.Check(action.Entity);
            }
        }
    }

    private static string BuildBody(Uri endpoint, string table, IReadOnlyList<TableTransactionAction> actions, string batch, string changeset)
    {
        var sb = new StringBuilder();
        sb.Append("--").Append(batch).Append("\r\n");
        sb.Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            var e = action.Entity;
            var (method, path, withBody, ifMatch) = action.ActionType switch
            {
                TableTransactionActionType.Insert => ("POST", table, true, (ETag?)null),
                TableTransactionActionType.UpsertReplace => ("PUT", TableRequests.EntityPath(table, e.PartitionKey, e.RowKey), true, null),
                TableTransactionActionType.UpsertMerge => ("MERGE", TableRequests.EntityPath(table, e.PartitionKey, e.RowKey), true, null),
                TableTransactionActionType.UpdateReplace => ("PUT", TableRequests.EntityPath(table, e.PartitionKey, e.RowKey), true, OrAll(action.IfMatch)),
                TableTransactionActionType.UpdateMerge => ("MERGE", TableRequests.EntityPath(table, e.PartitionKey, e.RowKey), true, OrAll(action.IfMatch)),
                _ => ("DELETE", TableRequests.EntityPath(table, e.PartitionKey, e.RowKey), false, OrAll(action.IfMatch)),
            };
            sb.Append("--").Append(changeset).Append("\r\n");
            sb.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            sb.Append(method).Append(' ').Append(endpoint.ToString().TrimEnd('/')).Append('/').Append(path).Append(" HTTP/1.1\r\n");
            sb.Append("Accept: ").Append(TableRequests.JsonMinimalMetadata).Append("\r\nDataServiceVersion: 3.0\r\n");
            if (ifMatch is { } etag)
            {
                sb.Append("If-Match: ").Append(etag.ToString("H")).Append("\r\n");
            }

            if (withBody)
            {
                sb.Append("Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n");
                sb.Append(Encoding.UTF8.GetString(EntityJson.Serialize(e))).Append("\r\n");
            }
            else
            {
                sb.Append("\r\n");
            }
        }

        sb.Append("--").Append(changeset).Append("--\r\n");
        sb.Append("--").Append(batch).Append("--\r\n");
        return sb.ToString();
    }

    private static ETag OrAll(ETag etag) => etag == default ? ETag.All : etag;
}
