using Azure.Core;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// How the stores reach Table Storage: a connection string (Azurite, account keys) or the account's table endpoint
/// with a <see cref="TokenCredential"/> (managed identity in Azure; the SDK requires https for bearer tokens).
/// Both clients report an unreachable service as <see cref="StorageUnavailableException"/>.
/// </summary>
public static class StorageAccount
{
    public static TableServiceClient Connect(string connectionString, TableClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new TableServiceClient(connectionString, WithOutageReporting(options));
    }

    public static TableServiceClient Connect(Uri tableEndpoint, TokenCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new TableServiceClient(tableEndpoint, credential, WithOutageReporting(options));
    }

    private static TableClientOptions WithOutageReporting(TableClientOptions? options)
    {
        options ??= new TableClientOptions();
        options.AddPolicy(new UnreachableStoragePolicy(), HttpPipelinePosition.PerCall);
        return options;
    }
}
