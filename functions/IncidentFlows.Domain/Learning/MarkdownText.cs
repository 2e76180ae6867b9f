using System.Text;

namespace IncidentFlows.Domain.Learning;

/// <summary>
/// People's text made safe to put inside generated Markdown: one line, Markdown punctuation escaped,
/// so a title like "<c># | *all* down</c>" stays text and cannot break a table or inject markup.
/// </summary>
public static class MarkdownText
{
    /// <summary>Characters that mean something anywhere in a line (CommonMark lets every one be backslash-escaped).</summary>
    private const string Punctuation = "\\`*_[]<>#!|~&";

    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 8);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            if (Punctuation.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return EscapeLineStart(sb).ToString();
    }

    /// <summary>"- x", "+ x", "= x" and "1. x" mean a list or a heading only at the start of a line.</summary>
    private static StringBuilder EscapeLineStart(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[0] is '-' or '+' or '=')
        {
            return sb.Insert(0, '\\');
        }

        var digits = 0;
        while (digits < sb.Length && char.IsAsciiDigit(sb[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < sb.Length && sb[digits] is '.' or ')' ? sb.Insert(digits, '\\') : sb;
    }
}
