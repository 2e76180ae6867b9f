// One storage account, Entra ID only (shared key access disabled): the Functions runtime and the
// Durable task hub (blobs, queues, tables it creates itself), IncidentFlows' tables, and the blob
// container Flex Consumption deploys the app package from.

param name string
param location string
param tags { *: string } = {}

@description('Blob container the Function App package is deployed to.')
param deploymentContainerName string

@description('IncidentFlows tables (functions/IncidentFlows.App/Storage/StorageTables.cs); the app also creates them at start.')
param tableNames string[] = [
  'Incidents'
  'IncidentIndex'
  'ConversationRefs'
  'OnCallDocuments'
  'Declarations'
  'CalendarLinks'
]

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource deployments 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobs
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-06-01' = [for table in tableNames: {
  parent: tableService
  name: table
}]

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
