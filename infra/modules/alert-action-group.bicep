// An Azure Monitor action group whose webhook is the Function App's Azure Monitor alert intake
// (POST /api/alerts/azure-monitor?secret=…, common alert schema; docs/alerts.md). Point the team's
// alert rules at it. Action groups cannot send headers, so the secret in the URL is the only
// credential: it is a secure parameter here, and the app stores only its SHA-256
// (IncidentFlows__Alerts__Secrets__0__Sha256, app-settings.bicep).

param name string
param tags { *: string } = {}

@description('The Function App\'s host name, e.g. func-incidents-platform-abc.azurewebsites.net.')
param functionAppHostName string

@secure()
@description('The Azure Monitor source secret (dotnet run --project functions/IncidentFlows.Server -- new-alert-secret).')
param secret string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(replace(name, '-', ''), 12)
    enabled: true
    webhookReceivers: [
      {
        name: 'incidentflows'
        serviceUri: 'https://${functionAppHostName}/api/alerts/azure-monitor?secret=${uriComponent(secret)}'
        useCommonAlertSchema: true
        useAadAuth: false
      }
    ]
  }
}

@description('The action group\'s resource id, for alert rules\' actions.')
output id string = actionGroup.id
