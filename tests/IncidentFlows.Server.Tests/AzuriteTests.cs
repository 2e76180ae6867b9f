using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests;

[CollectionDefinition(SharedAzurite.Name)]
public sealed class AzuriteTests : SharedAzurite;
