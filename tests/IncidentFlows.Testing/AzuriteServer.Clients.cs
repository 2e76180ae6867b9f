using Azure.Data.Tables;
using IncidentFlows.App.Storage;

namespace IncidentFlows.Testing;

/// <summary>How tests reach the running Azurite: endpoint, connection string, clients, table names.</summary>
public sealed partial class AzuriteServer
{
    /// <summary>The well-known Azurite / storage emulator account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known Azurite / storage emulator key (public by design).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private int _tableCounter;

    /// <summary>Path-style Azurite endpoint, e.g. <c>http://127.0.0.1:49152/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint => new($"{Scheme}://127.0.0.1:{Port}/{DevelopmentAccountName}");

    public Uri BlobEndpoint => new($"{Scheme}://127.0.0.1:{BlobPort}/{DevelopmentAccountName}");

    public Uri QueueEndpoint => new($"{Scheme}://127.0.0.1:{QueuePort}/{DevelopmentAccountName}");

    private string Scheme => Tls is null ? "http" : "https";

    /// <summary>All three endpoints: the tables our stores use, and the queues and blobs of the Durable Task engine's task hubs.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol={Scheme};AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>A client with quick retries, so a stopped server fails a test in well under a second.</summary>
    public TableServiceClient CreateClient(TableClientOptions? options = null) => StorageAccount.Connect(ConnectionString, TestOptions(options));

    /// <summary>A bearer-token client (needs <see cref="AzuriteOptions.HttpsWithOAuth"/>).</summary>
    public TableServiceClient CreateClient(Azure.Core.TokenCredential credential, TableClientOptions? options = null) =>
        StorageAccount.Connect(TableEndpoint, credential, TestOptions(options));

    private TableClientOptions TestOptions(TableClientOptions? options)
    {
        options ??= new TableClientOptions();
        if (options.Retry.Delay == TimeSpan.FromSeconds(0.8))
        {
            options.Retry.Delay = TimeSpan.FromMilliseconds(20);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
        }

        if (Tls is not null)
        {
            options.Transport = Tls.CreateTransport();
        }

        return options;
    }

    /// <summary>A table name no other test in this process uses (letters and digits only).</summary>
    public string UniqueTableName(string prefix = "t") =>
        $"{prefix}{Interlocked.Increment(ref _tableCounter)}x{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 20)];
}
