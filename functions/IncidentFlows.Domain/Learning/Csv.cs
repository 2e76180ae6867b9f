using System.Text;

namespace IncidentFlows.Domain.Learning;

/// <summary>
/// RFC 4180 CSV: fields with a comma, a double quote, CR or LF are quoted and their quotes doubled;
/// records end with CRLF. People's text goes through <see cref="Text"/>, which also defuses
/// spreadsheet formulas (OWASP "CSV injection"): a leading = + - @ tab or CR gets a ' in front.
/// </summary>
public static class Csv
{
    public static void AppendRecord(StringBuilder sb, params string?[] fields)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(fields);
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            AppendField(sb, fields[i] ?? "");
        }

        sb.Append("\r\n");
    }

    /// <summary>Free text someone typed, made safe to open in a spreadsheet.</summary>
    public static string Text(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text ?? "";

    private static void AppendField(StringBuilder sb, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            sb.Append(field);
            return;
        }

        sb.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
