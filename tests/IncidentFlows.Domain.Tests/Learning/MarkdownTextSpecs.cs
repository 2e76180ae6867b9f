using IncidentFlows.Domain.Learning;

namespace IncidentFlows.Domain.Tests.Learning;

public class MarkdownTextSpecs
{
    [Theory]
    [InlineData("# | *all* down", "\\# \\| \\*all\\* down")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("1. not a list", "1\\. not a list")]
    [InlineData("line one\r\n\n  line two ", "line one line two")]
    [InlineData("<b>&amp;</b>", "\\<b\\>\\&amp;\\</b\\>")]
    [InlineData("plain words (and parens) stay readable.", "plain words (and parens) stay readable.")]
    public void Peoples_text_stays_text_on_one_line(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Inline(text));
    }
}
