using System.Text;
using Azure.Identity;
using DurableTask.AzureStorage;
using DurableTask.Core;
using IncidentFlows.App.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentFlows.Server.Engine;

/// <summary>Maps our settings onto the Azure Storage provider's.</summary>
internal static class EngineSettings
{
    public static AzureStorageOrchestrationServiceSettings For(EngineOptions engine, StorageOptions storage, string teamId, ILoggerFactory logs) => new()
    {
        StorageAccountClientProvider = Account(storage),
        TaskHubName = string.IsNullOrWhiteSpace(engine.TaskHubName) ? TaskHubNameFor(storage.TablePrefix, teamId) : engine.TaskHubName,
        PartitionCount = engine.PartitionCount,
        MaxQueuePollingInterval = engine.MaxQueuePollingInterval,
        ControlQueueBufferThreshold = engine.ControlQueueBufferThreshold,
        ControlQueueVisibilityTimeout = engine.ControlQueueVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = engine.WorkItemQueueVisibilityTimeout,
        MaxConcurrentTaskActivityWorkItems = engine.MaxConcurrentActivities,
        MaxConcurrentTaskOrchestrationWorkItems = engine.MaxConcurrentOrchestrations,
        WorkerId = engine.WorkerId,

        // Commands the turn did not take are sent back by DtfxTurnContext, in arrival order; carrying some
        // over as well would run them twice, and ahead of older ones.
        EventBehaviourForContinueAsNew = BehaviorOnContinueAsNew.Ignore,
        ThrowExceptionOnInvalidDedupeStatus = true,
        LoggerFactory = logs,
    };

    /// <summary>
    /// One task hub per team and table prefix (letters and digits, starting with a letter, at most 45):
    /// servers of one deployment share it; two deployments, or two test runs, on one account never do.
    /// </summary>
    public static string TaskHubNameFor(string tablePrefix, string teamId)
    {
        var name = new StringBuilder("if");
        foreach (var c in $"{tablePrefix}{teamId}")
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(char.ToLowerInvariant(c));
            }
        }

        return name.Length <= 45 ? name.ToString() : name.ToString(0, 45);
    }

    private static StorageAccountClientProvider Account(StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            return new StorageAccountClientProvider(storage.ConnectionString);
        }

        // Managed identity: the account of the table endpoint, for its blobs and queues too.
        var endpoint = storage.TableEndpoint ?? throw new InvalidOperationException("Storage is not configured: set IncidentFlows:Storage:ConnectionString or TableEndpoint.");
        var account = endpoint.Host.Split('.')[0];
        return new StorageAccountClientProvider(account, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = storage.ManagedIdentityClientId }));
    }
}
