using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// Signs every attempt (it runs per retry, so <c>x-ms-date</c> is fresh) with the Table service's SharedKeyLite
/// scheme: HMAC-SHA256 over <c>date \n /account/path[?comp=x]</c>. Works for Azure account keys and Azurite.
/// </summary>
internal sealed class TableSharedKeyLitePolicy : HttpPipelineSynchronousPolicy
{
    private readonly string _account;
    private readonly byte[] _key;

    public TableSharedKeyLitePolicy(string account, string base64Key)
    {
        _account = account;
        try
        {
            _key = Convert.FromBase64String(base64Key);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The storage account key is not valid base64.", nameof(base64Key), e);
        }
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var uri = message.Request.Uri.ToUri();
        var resource = "/" + _account + uri.AbsolutePath;
        var comp = CompParameter(uri.Query);
        if (comp is not null)
        {
            resource += "?comp=" + comp;
        }

        var signature = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(date + "\n" + resource));
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {_account}:{Convert.ToBase64String(signature)}");
    }

    private static string? CompParameter(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("comp=", StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair["comp=".Length..]);
            }
        }

        return null;
    }
}
