using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Storage;

/// <summary>All storage tests share one Azurite (started once, on a free port); each test uses its own tables.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTests : SharedAzurite;
