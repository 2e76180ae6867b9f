using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Storage;

/// <summary>Registers the Table Storage adapters behind their ports. Call <see cref="StorageTables.CreateAllAsync"/> at startup.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Shared key / Azurite: a storage connection string (<c>UseDevelopmentStorage=true</c> works).</summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, string connectionString, EventContracts? contracts = null, string tablePrefix = "") =>
        services.AddTableStorage(StorageAccount.Connect(connectionString), contracts, tablePrefix);

    /// <summary>Managed identity: the account's table endpoint and a credential.</summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, Uri tableEndpoint, TokenCredential credential, EventContracts? contracts = null, string tablePrefix = "") =>
        services.AddTableStorage(StorageAccount.Connect(tableEndpoint, credential), contracts, tablePrefix);

    private static IServiceCollection AddTableStorage(this IServiceCollection services, TableServiceClient client, EventContracts? contracts, string tablePrefix)
    {
        var tables = new StorageTables(client, tablePrefix);
        var known = contracts ?? EventContracts.Any;
        services.AddSingleton(client);
        services.AddSingleton(tables);
        services.AddSingleton<IIncidentEventStore>(new TableEventStore(tables.Incidents, known));
        services.AddSingleton<IIncidentTimeline>(new TableTimeline(tables.Incidents, known));
        services.AddSingleton<IIncidentIndex>(new TableIncidentIndex(tables.IncidentIndex));
        services.AddSingleton<IConversationReferences>(TableJsonDocuments.ConversationReferences(tables.ConversationReferences));
        services.AddSingleton<IOnCallDocuments>(TableJsonDocuments.OnCallDocuments(tables.OnCallDocuments));
        services.AddSingleton<IRequestFingerprints>(new TableRequestFingerprints(tables.Declarations));
        services.AddSingleton<IDeclarations>(new TableDeclarations(tables.Declarations));
        services.AddSingleton<ICalendarLinks>(new TableCalendarLinks(tables.CalendarLinks));
        return services;
    }
}
