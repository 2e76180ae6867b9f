// Exactly the data-plane roles the app's identity needs on its storage account, nothing at the
// subscription or resource-group level:
// - Blob Data Owner: Flex deployment package, Functions host (keys, timer and singleton leases), Durable task hub blobs.
// - Queue Data Contributor: the Durable task hub's control and work-item queues.
// - Table Data Contributor: the Durable task hub's history/instances tables and IncidentFlows' tables.

param storageAccountName string

@description('Principal id of the app identity.')
param principalId string

var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

var roleIds = [
  storageBlobDataOwnerRoleId
  storageQueueDataContributorRoleId
  storageTableDataContributorRoleId
]

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in roleIds: {
  name: guid(account.id, principalId, roleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]
