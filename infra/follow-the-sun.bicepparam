// The three-region Platform team (samples/teams/follow-the-sun.json: Tokyo, London, Los Angeles).
// Deploy: az deployment group create -g rg-incidents-platform -f infra/main.bicep -p infra/follow-the-sun.bicepparam
using './main.bicep'

param name = 'incidents-platform'
param teamId = 'platform'
param botDisplayName = 'IncidentFlows'
param botSku = 'F0'
param maximumInstanceCount = 40
param apiKeyName = 'ci'
param apiKeySha256 = readEnvironmentVariable('INCIDENTFLOWS_API_KEY_SHA256', '')
param tags = {
  app: 'IncidentFlows'
  team: 'platform'
}
