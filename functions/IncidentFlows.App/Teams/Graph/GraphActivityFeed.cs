using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Teamwork.SendActivityNotification;

namespace IncidentFlows.App.Teams.Graph;

/// <summary>
/// A page also rings the Teams bell: an activity-feed notification of type <c>incidentPaged</c> (declared
/// in the app manifest's <c>activities.activityTypes</c>), with the incident as its topic.
/// </summary>
public sealed class GraphActivityFeed(GraphServiceClient graph) : IActivityFeed
{
    public const string ActivityType = "incidentPaged";

    public Task NotifyAsync(Guid entraObjectId, string topic, string preview, string? webUrl, CancellationToken ct) =>
        graph.Users[entraObjectId.ToString()].Teamwork.SendActivityNotification.PostAsync(
            new SendActivityNotificationPostRequestBody
            {
                Topic = new TeamworkActivityTopic
                {
                    Source = TeamworkActivityTopicSource.Text,
                    Value = topic,
                    WebUrl = webUrl ?? "https://teams.microsoft.com",
                },
                ActivityType = ActivityType,
                PreviewText = new ItemBody { Content = preview },
                TemplateParameters = [new Microsoft.Graph.Models.KeyValuePair { Name = "incident", Value = topic }],
            },
            cancellationToken: ct);
}
