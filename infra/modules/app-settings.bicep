// The Function App's settings: exactly the settings the Functions host reads
// (local.settings.sample.json documents each; IncidentFlowsOptions defines the IncidentFlows__ ones).
// tests/IncidentFlows.App.Tests/Infra checks the names. Settings only a developer machine uses
// (connection strings, DevelopmentMode, ConfigFile, FUNCTIONS_WORKER_RUNTIME, WarRoomChannelId) are
// deliberately absent, and so are the Teams addresses whose defaults are the Microsoft cloud's.
// The bot's identity is the user-assigned managed identity (Azure Bot msaAppType UserAssignedMSI).

param functionAppName string
param storageAccountName string
param tableEndpoint string
param identityClientId string
param appInsightsConnectionString string
param teamId string

@description('Entra ID audience for API bearer tokens; empty leaves Entra off (API keys only).')
param apiAudience string = ''

@description('Name of the first API key; empty for none.')
param apiKeyName string = ''

@description('Hex SHA-256 of the first API key (never the key itself).')
param apiKeySha256 string = ''

@description('What the first API key may do: read, respond (commands, alerts) or administer (also the on-call configuration).')
@allowed(['read', 'respond', 'administer'])
param apiKeyScope string = 'administer'

@description('Hex SHA-256 of the Azure Monitor alert source secret; empty: that source is refused.')
param azureMonitorSourceSha256 string = ''

@description('Graph id (Entra group id) of the team that holds the incidents channel and the war rooms; empty: learned when the app is installed there.')
param teamsIncidentsTeamGroupId string = ''

@description('Teams channel id (19:…@thread.tacv2) of the announcements channel; empty: the team\'s General channel.')
param teamsIncidentsChannelId string = ''

@description('Tenants whose Teams activities the bot accepts, comma-separated; empty: this deployment\'s tenant.')
param teamsAllowedTenantIds string = ''

@description('Archive a war-room channel when its incident closes.')
param teamsArchiveWarRoomsOnClose bool = false

var settings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  IncidentFlows__Storage__TableEndpoint: tableEndpoint
  IncidentFlows__Storage__ManagedIdentityClientId: identityClientId
  IncidentFlows__Storage__TablePrefix: ''
  IncidentFlows__Team__Id: teamId
  IncidentFlows__Entra__TenantId: empty(apiAudience) ? '' : tenant().tenantId
  IncidentFlows__Entra__Audience: apiAudience
  IncidentFlows__ApiKeys__Keys__0__Name: apiKeyName
  IncidentFlows__ApiKeys__Keys__0__Team: teamId
  IncidentFlows__ApiKeys__Keys__0__Sha256: apiKeySha256
  IncidentFlows__ApiKeys__Keys__0__Scopes__0: apiKeyScope
  IncidentFlows__Alerts__Secrets__0__Name: 'azure-monitor'
  IncidentFlows__Alerts__Secrets__0__Sha256: azureMonitorSourceSha256
  IncidentFlows__Teams__AppId: identityClientId
  IncidentFlows__Teams__TenantId: tenant().tenantId
  IncidentFlows__Teams__ClientSecret: ''
  IncidentFlows__Teams__ManagedIdentityClientId: identityClientId
  IncidentFlows__Teams__IncidentsTeamGroupId: teamsIncidentsTeamGroupId
  IncidentFlows__Teams__IncidentsChannelId: teamsIncidentsChannelId
  IncidentFlows__Teams__AllowedTenantIds: teamsAllowedTenantIds
  IncidentFlows__Teams__ArchiveWarRoomsOnClose: string(teamsArchiveWarRoomsOnClose)
  IncidentFlows__Teams__PublicBaseUrl: 'https://${app.properties.defaultHostName}'
}

resource app 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'appsettings'
  properties: settings
}
