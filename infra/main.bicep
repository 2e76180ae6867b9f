// IncidentFlows for one team, in its own resource group: Function App (Flex Consumption, .NET 10
// isolated, Durable Functions), storage without shared keys, one user-assigned identity with exactly
// the roles it needs, Log Analytics + Application Insights, and the Azure Bot with the Teams channel.
// No secret is created or stored, so there is no Key Vault. Guide: docs/deploy.md.

targetScope = 'resourceGroup'

@description('Short name for the deployment, e.g. incidents-platform; resource names derive from it.')
@minLength(3)
@maxLength(20)
param name string

param location string = resourceGroup().location

@description('The team this deployment serves: team.id of its configuration document.')
param teamId string

@description('The bot\'s name in Teams; matches name.short in infra/teams/manifest.json.')
param botDisplayName string = 'IncidentFlows'

@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Entra ID audience for API bearer tokens (application id URI or client id); empty: API keys only.')
param apiAudience string = ''

@description('Name of the first API key; empty for none. Make one with: dotnet run --project functions/IncidentFlows.Server -- new-api-key <team> <name>.')
param apiKeyName string = ''

@description('Hex SHA-256 of that key; the key itself never goes into Azure.')
param apiKeySha256 string = ''

@description('What that key may do: read, respond (commands, alerts) or administer (also PUT /api/oncall/configuration, which a new deployment needs once).')
@allowed(['read', 'respond', 'administer'])
param apiKeyScope string = 'administer'

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@secure()
@description('Azure Monitor alert source secret; when set, an action group posting to the alert intake is created. Empty: none.')
param azureMonitorAlertSecret string = ''

@description('Hex SHA-256 of azureMonitorAlertSecret (never the secret itself); the app accepts only that secret.')
param azureMonitorSourceSha256 string = ''

param tags { *: string } = {}

var suffix = uniqueString(resourceGroup().id, name)
var deploymentContainerName = 'app-package'
var names = {
  identity: 'id-${name}'
  logAnalytics: 'log-${name}'
  appInsights: 'appi-${name}'
  storage: 'st${take(toLower(replace(name, '-', '')), 9)}${suffix}'
  plan: 'asp-${name}'
  functionApp: 'func-${name}-${suffix}'
  bot: 'bot-${name}-${suffix}'
  actionGroup: 'ag-${name}'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module storageRoles 'modules/storage-roles.bicep' = {
  name: 'storage-roles'
  params: {
    storageAccountName: storage.outputs.name
    principalId: identity.outputs.principalId
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  dependsOn: [storageRoles]
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    identityId: identity.outputs.id
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    maximumInstanceCount: maximumInstanceCount
  }
}

module appSettings 'modules/app-settings.bicep' = {
  name: 'app-settings'
  params: {
    functionAppName: functionApp.outputs.name
    storageAccountName: storage.outputs.name
    tableEndpoint: storage.outputs.tableEndpoint
    identityClientId: identity.outputs.clientId
    appInsightsConnectionString: monitoring.outputs.connectionString
    teamId: teamId
    apiAudience: apiAudience
    apiKeyName: apiKeyName
    apiKeySha256: apiKeySha256
    apiKeyScope: apiKeyScope
    azureMonitorSourceSha256: azureMonitorSourceSha256
  }
}

module alertActionGroup 'modules/alert-action-group.bicep' = if (!empty(azureMonitorAlertSecret)) {
  name: 'alert-action-group'
  params: {
    name: names.actionGroup
    tags: tags
    functionAppHostName: functionApp.outputs.defaultHostName
    secret: azureMonitorAlertSecret
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    displayName: botDisplayName
    messagingEndpoint: 'https://${functionApp.outputs.defaultHostName}/api/messages'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    sku: botSku
    tags: tags
  }
}

@description('Publish the app here: func azure functionapp publish <functionAppName>.')
output functionAppName string = functionApp.outputs.name

@description('The API\'s base URL (GET /healthz, PUT /api/oncall/configuration, POST /api/incidents).')
output apiBaseUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('The bot\'s Microsoft App ID = the identity\'s client id; infra/teams/package.sh puts it into the Teams manifest.')
output botAppId string = bot.outputs.appId

output botName string = bot.outputs.name
output botMessagingEndpoint string = 'https://${functionApp.outputs.defaultHostName}/api/messages'

@description('Grant Graph application permissions to this service principal (docs/deploy.md).')
output identityPrincipalId string = identity.outputs.principalId

output identityClientId string = identity.outputs.clientId
output storageAccountName string = storage.outputs.name
output appInsightsName string = monitoring.outputs.appInsightsName
output tenantId string = tenant().tenantId
