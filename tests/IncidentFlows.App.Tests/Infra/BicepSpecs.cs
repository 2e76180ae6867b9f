using IncidentFlows.App.Storage;
using Azure.Data.Tables;

namespace IncidentFlows.App.Tests.Infra;

public class BicepSpecs
{
    private static readonly string[] Modules = Directory.GetFiles(Path.Combine(InfraFiles.Root, "infra", "modules"), "*.bicep");

    private static string Main => InfraFiles.Read("infra", "main.bicep");

    [Fact]
    public void Every_module_main_uses_exists_and_every_module_is_used()
    {
        var used = System.Text.RegularExpressions.Regex.Matches(Main, @"module \w+ '(modules/[a-z-]+\.bicep)'").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(Modules.Select(f => "modules/" + Path.GetFileName(f)).Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_resource_type_is_used_at_one_api_version_across_all_files()
    {
        var versions = Modules.Append(Path.Combine(InfraFiles.Root, "infra", "main.bicep"))
            .SelectMany(f => InfraFiles.ApiVersions(File.ReadAllText(f)))
            .GroupBy(v => v.Provider)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Version).Distinct().ToList());

        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.True(v.Value.Count == 1, $"{v.Key} uses {string.Join(", ", v.Value)}"));
        Assert.All(versions.Values.SelectMany(v => v), v => Assert.DoesNotContain("preview", v, StringComparison.Ordinal));
    }

    [Fact]
    public void The_sample_parameters_are_all_declared_by_main_and_name_the_sample_team()
    {
        var sample = InfraFiles.Read("infra", "follow-the-sun.bicepparam");
        var team = InfraFiles.Json("samples", "teams", "follow-the-sun.json").GetProperty("team").GetProperty("id").GetString();

        Assert.Contains("using './main.bicep'", sample, StringComparison.Ordinal);
        Assert.Empty(InfraFiles.Params(sample).Except(InfraFiles.Params(Main)));
        Assert.Contains($"param teamId = '{team}'", sample, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_accepts_Entra_ID_only_and_declares_the_tables_the_app_uses()
    {
        var storage = InfraFiles.Read("infra", "modules", "storage.bicep");
        var tables = new StorageTables(StorageAccount.Connect("UseDevelopmentStorage=true"));
        var used = typeof(StorageTables).GetProperties().Where(p => p.PropertyType == typeof(TableClient)).Select(p => (TableClient)p.GetValue(tables)!).ToList();

        Assert.Contains("allowSharedKeyAccess: false", storage, StringComparison.Ordinal);
        Assert.NotEmpty(used);
        Assert.Equal(
            used.Select(t => t.Name).Order(StringComparer.Ordinal),
            InfraFiles.ArrayItems(storage, "param tableNames string[] = [").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_identity_gets_exactly_the_named_storage_and_monitoring_roles()
    {
        var roles = InfraFiles.Read("infra", "modules", "storage-roles.bicep") + InfraFiles.Read("infra", "modules", "monitoring.bicep");

        Assert.Contains("var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'", roles, StringComparison.Ordinal);
        Assert.Contains("var storageQueueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'", roles, StringComparison.Ordinal);
        Assert.Contains("var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'", roles, StringComparison.Ordinal);
        Assert.Contains("var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'", roles, StringComparison.Ordinal);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(roles, @"RoleId = '[0-9a-f-]{36}'"));
        Assert.DoesNotContain("targetScope = 'subscription'", Main, StringComparison.Ordinal);
    }

    [Fact]
    public void The_function_app_runs_dotnet_10_isolated_on_Flex_Consumption_as_the_identity()
    {
        var app = InfraFiles.Read("infra", "modules", "function-app.bicep");

        Assert.Contains("tier: 'FlexConsumption'", app, StringComparison.Ordinal);
        Assert.Contains("name: 'dotnet-isolated'", app, StringComparison.Ordinal);
        Assert.Contains("version: '10.0'", app, StringComparison.Ordinal);
        Assert.Contains("type: 'UserAssignedIdentity'", app, StringComparison.Ordinal);
        Assert.Contains("kind: 'functionapp,linux'", app, StringComparison.Ordinal);
    }

    [Fact]
    public void The_action_group_posts_to_the_Azure_Monitor_intake_on_the_common_schema_and_only_when_a_secret_is_given()
    {
        var group = InfraFiles.Read("infra", "modules", "alert-action-group.bicep");

        Assert.Contains($"/api/alerts/{IncidentFlows.App.Alerts.AlertEndpoints.AzureMonitor}?secret=${{uriComponent(secret)}}", group, StringComparison.Ordinal);
        Assert.Contains("useCommonAlertSchema: true", group, StringComparison.Ordinal);
        Assert.Matches(@"@secure\(\)\s*\n@description\([^\n]*\)\s*\nparam secret string", group);
        Assert.Matches(@"@secure\(\)\s*\n@description\([^\n]*\)\s*\nparam azureMonitorAlertSecret string = ''", Main);
        Assert.Contains("module alertActionGroup 'modules/alert-action-group.bicep' = if (!empty(azureMonitorAlertSecret))", Main, StringComparison.Ordinal);
    }
}
