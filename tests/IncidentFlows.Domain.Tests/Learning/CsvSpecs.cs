using System.Text;
using IncidentFlows.Domain.Learning;

namespace IncidentFlows.Domain.Tests.Learning;

public class CsvSpecs
{
    private static string Record(params string?[] fields)
    {
        var sb = new StringBuilder();
        Csv.AppendRecord(sb, fields);
        return sb.ToString();
    }

    [Fact]
    public void Plain_fields_are_written_as_they_are_and_records_end_with_crlf()
    {
        Assert.Equal("INC-1,SEV2,,checkout\r\n", Record("INC-1", "SEV2", null, "checkout"));
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("line\nfeed", "\"line\nfeed\"")]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted_with_quotes_doubled(string field, string expected)
    {
        Assert.Equal(expected + "\r\n", Record(field));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Checkout down", "Checkout down")]
    public void Peoples_text_cannot_become_a_spreadsheet_formula(string text, string expected)
    {
        Assert.Equal(expected, Csv.Text(text));
    }
}
