using System.Globalization;
using System.Reflection;
using System.Text;
using IncidentFlows.App.Security;
using IncidentFlows.Functions.Hosting;
using IncidentFlows.Testing;
using IncidentFlows.Testing.Teams;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentFlows.Functions.Tests;

/// <summary>
/// The Functions host's real service collection (<see cref="FunctionsHostServices"/>) on Azurite with the
/// sample team and one API key, started like the worker starts it; triggers are invoked as the Functions
/// ASP.NET Core integration invokes them: an <see cref="HttpRequest"/> in, an <see cref="IActionResult"/> executed.
/// </summary>
internal sealed class FunctionsHost : IAsyncDisposable
{
    public const string Key = "ifk_functions-host-spec-key";

    private readonly ServiceProvider _services;
    private readonly IReadOnlyList<IHostedService> _hosted;

    private FunctionsHost(ServiceProvider services, IReadOnlyList<IHostedService> hosted)
    {
        _services = services;
        _hosted = hosted;
    }

    public RecordingDurableClient Durable { get; } = new();

    /// <summary>The host's services, for specs that drive its activities on a real engine (Durable/).</summary>
    public IServiceProvider Services => _services;

    /// <summary>Starts the host; <paramref name="more"/> adds or replaces settings, <paramref name="services"/> registers before the host's own (a test credential, say).</summary>
    public static async Task<FunctionsHost> StartAsync(AzuriteServer azurite, IReadOnlyDictionary<string, string?>? more = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["IncidentFlows:Storage:ConnectionString"] = azurite.ConnectionString,
            ["IncidentFlows:Storage:TablePrefix"] = "fn" + Guid.NewGuid().ToString("N")[..10],
            ["IncidentFlows:Team:Id"] = "platform",
            ["IncidentFlows:Team:ConfigFile"] = Path.Combine(RepositoryRoot.Find().FullName, "samples", "teams", "follow-the-sun.json"),
            ["IncidentFlows:ApiKeys:Keys:0:Name"] = "functions-spec",
            ["IncidentFlows:ApiKeys:Keys:0:Team"] = "platform",
            ["IncidentFlows:ApiKeys:Keys:0:Sha256"] = ApiKeys.Hash(Key),
            ["IncidentFlows:ApiKeys:Keys:0:Scopes:0"] = "administer", // the specs replace the configuration too

            // Teams on, as in production, but nothing outside loopback: no test here gets past the token check.
            ["IncidentFlows:Teams:AppId"] = TestTenant.AppId,
            ["IncidentFlows:Teams:TenantId"] = "tenant-1",
            ["IncidentFlows:Teams:ClientSecret"] = "not-used",
            ["IncidentFlows:Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:9/openid",
            ["IncidentFlows:Teams:GraphBaseUrl"] = "http://127.0.0.1:9/v1.0",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging();
        services?.Invoke(collection);
        collection.AddIncidentFlowsFunctionsHost(configuration);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return new FunctionsHost(provider, hosted);
    }

    /// <summary>Calls <paramref name="trigger"/> with sample route values; returns the status and body it wrote.</summary>
    public async Task<(int Status, string Body)> InvokeAsync(HttpTrigger trigger, string? apiKey = null, string? body = null, string? bearer = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = trigger.Method;
        http.Request.Path = "/" + SampleRoute(trigger.Route);
        http.Response.Body = new MemoryStream();
        if (apiKey is not null)
        {
            http.Request.Headers.Authorization = $"ApiKey {apiKey}";
        }

        if (bearer is not null)
        {
            http.Request.Headers.Authorization = $"Bearer {bearer}";
        }

        if (body is not null)
        {
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }

        var target = trigger.Function.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, trigger.Function.DeclaringType!);
        var arguments = trigger.Function.GetParameters().Select(p => Argument(p, http)).ToArray();
        var result = trigger.Function.Invoke(target, arguments) switch
        {
            Task<IActionResult> task => await task,
            IActionResult done => done,
            var other => throw new InvalidOperationException($"{trigger} returned {other?.GetType().Name ?? "null"}."),
        };
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        await Durable.DisposeAsync();
    }

    private object? Argument(ParameterInfo parameter, HttpContext http) => parameter.ParameterType switch
    {
        var t when t == typeof(HttpRequest) => http.Request,
        var t when t == typeof(DurableTaskClient) => Durable,
        var t when t == typeof(int) => 1,
        var t when t == typeof(string) => SampleValue(parameter.Name!),
        var t => throw new InvalidOperationException($"No sample for {t.Name} {parameter.Name}."),
    };

    private static string SampleValue(string name) => name switch
    {
        "id" => "INC-1",
        "action" => "acknowledge",
        _ => "sample",
    };

    private static string SampleRoute(string route) =>
        string.Join('/', route.Split('/').Select(segment => segment.StartsWith('{')
            ? (segment.Contains(":int", StringComparison.Ordinal) ? 1.ToString(CultureInfo.InvariantCulture) : SampleValue(segment.Trim('{', '}')))
            : segment));
}
