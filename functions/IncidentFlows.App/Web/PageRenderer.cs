using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IncidentFlows.App.Web;

/// <summary>
/// Renders a Razor component to a complete HTML response with <see cref="HtmlRenderer"/>: no Blazor
/// circuit, no endpoint metadata, so the standalone server and an Azure Functions HTTP trigger serve the
/// same bytes (docs/adr/0009-web-pages.md).
/// </summary>
public sealed class PageRenderer(IServiceProvider services, ILoggerFactory logs)
{
    public async Task<string> RenderAsync<TPage>(IDictionary<string, object?> parameters)
        where TPage : IComponent
    {
        await using var renderer = new HtmlRenderer(services, logs);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters));
            return "<!DOCTYPE html>\n" + output.ToHtmlString();
        });
    }

    public async Task<IResult> PageAsync<TPage>(IDictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent =>
        Results.Content(await RenderAsync<TPage>(parameters), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
