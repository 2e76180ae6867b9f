// The app's one identity: the Function App runs as it, reaches storage and Application Insights with
// it, and it is the Azure Bot's app id (msaAppType UserAssignedMSI). No secret anywhere.

@description('Name of the user-assigned managed identity.')
param name string

param location string
param tags { *: string } = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output name string = identity.name
