namespace IncidentFlows.Testing;

/// <summary>
/// xunit fixture: one Azurite per test collection. In a test project declare
/// <code>[CollectionDefinition(SharedAzurite.Name)] public sealed class AzuriteTests : SharedAzurite;</code>
/// and mark test classes <c>[Collection(SharedAzurite.Name)]</c> with an <see cref="AzuriteFixture"/> constructor parameter.
/// (xunit only discovers collection definitions in the test assembly itself, hence the one-line subclass.)
/// </summary>
public abstract class SharedAzurite : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

/// <summary>Starts Azurite before the collection's first test and stops it after the last.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not been started.");

    public async Task InitializeAsync() => _server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
