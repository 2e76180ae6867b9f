using Azure.Core;
using Azure.Core.Pipeline;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// The entry point: one Azure.Core pipeline (retries, logging, auth) for a storage account's Table endpoint.
/// Build it from a connection string (shared key) or from an account URI and a <see cref="TokenCredential"/>
/// (managed identity; Azure.Core requires https for bearer tokens).
/// </summary>
public sealed class TableServiceClient
{
    /// <summary>The OAuth scope of Azure Storage.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(TableConnection.Parse(connectionString), options)
    {
    }

    public TableServiceClient(TableConnection connection, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new TableClientOptions();
        Endpoint = connection.Endpoint;
        ServiceVersion = options.ServiceVersion;
        Pipeline = HttpPipelineBuilder.Build(options, new TableSharedKeyLitePolicy(connection.AccountName, connection.AccountKey));
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new TableClientOptions();
        Endpoint = new Uri(endpoint.ToString().TrimEnd('/'));
        ServiceVersion = options.ServiceVersion;
        Pipeline = HttpPipelineBuilder.Build(options, new BearerTokenAuthenticationPolicy(credential, StorageScope));
    }

    public Uri Endpoint { get; }

    internal HttpPipeline Pipeline { get; }

    internal string ServiceVersion { get; }

    public TableClient GetTableClient(string tableName) => new(this, TableKeys.ValidateTableName(tableName));
}
