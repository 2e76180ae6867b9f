using Azure.Core;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// Pipeline options for <see cref="TableServiceClient"/>. Retries (408, 429, 5xx, network errors, exponential
/// back-off) come from Azure.Core's retry policy configured through <see cref="ClientOptions.Retry"/>.
/// </summary>
public sealed class TableClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as <c>x-ms-version</c>; 2019-02-02 is what Azurite and Azure both speak.</summary>
    public string ServiceVersion { get; set; } = "2019-02-02";
}
