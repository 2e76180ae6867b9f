using IncidentFlows.Testing;

namespace IncidentFlows.Functions.Tests;

[CollectionDefinition(SharedAzurite.Name)]
public sealed class AzuriteTests : SharedAzurite;
