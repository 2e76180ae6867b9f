using System.Text;

namespace IncidentFlows.Domain.OnCall.Calendar;

/// <summary>
/// RFC 5545 content lines: CRLF endings, TEXT values escaped (§3.3.11), lines longer than 75 octets folded
/// with CRLF + space (§3.1) without splitting a UTF-8 sequence.
/// </summary>
internal sealed class CalendarText
{
    private const int MaxOctets = 75;
    private readonly StringBuilder builder = new();

    public CalendarText Line(string name, string value)
    {
        var line = $"{name}:{value}";
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                builder.Append("\r\n ");
                octets = 1;
            }

            builder.Append(rune.ToString());
            octets += size;
        }

        builder.Append("\r\n");
        return this;
    }

    public CalendarText Text(string name, string value) => Line(name, Escape(value));

    public override string ToString() => builder.ToString();

    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);
}
