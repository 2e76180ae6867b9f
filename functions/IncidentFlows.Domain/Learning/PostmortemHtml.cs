using Markdig;

namespace IncidentFlows.Domain.Learning;

/// <summary>
/// A postmortem's Markdown as HTML. Raw HTML is disabled: everything people typed is already escaped
/// as text by <see cref="MarkdownText"/>, and this keeps any markup that slipped through inert.
/// </summary>
public static class PostmortemHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static string Render(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
