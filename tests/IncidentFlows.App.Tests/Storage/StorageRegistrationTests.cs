using IncidentFlows.App.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Tests.Storage;

public sealed class StorageRegistrationTests
{
    [Fact]
    public void AddTableStorage_provides_every_storage_port()
    {
        using var provider = new ServiceCollection().AddTableStorage("UseDevelopmentStorage=true").BuildServiceProvider();

        Assert.IsType<TableEventStore>(provider.GetRequiredService<IIncidentEventStore>());
        Assert.IsType<TableTimeline>(provider.GetRequiredService<IIncidentTimeline>());
        Assert.IsType<TableIncidentIndex>(provider.GetRequiredService<IIncidentIndex>());
        Assert.IsType<TableJsonDocuments>(provider.GetRequiredService<IConversationReferences>());
        Assert.IsType<TableJsonDocuments>(provider.GetRequiredService<IOnCallDocuments>());
        Assert.IsType<TableDeclarations>(provider.GetRequiredService<IDeclarations>());
    }
}
