using System.Text;

namespace IncidentFlows.App.Storage;

/// <summary>
/// Validation of table names and entity keys, and a reversible encoding for arbitrary text used as a key.
/// The service forbids <c>/ \ # ?</c> and control characters in keys and limits them to 1 KiB.
/// </summary>
public static class TableKeys
{
    /// <summary>Keys are at most 1 KiB; in UTF-16 that is 512 characters.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="key"/> cannot be a PartitionKey/RowKey.</summary>
    public static string Validate(string key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A table key is at most {MaxKeyLength} characters; got {key.Length}.", paramName);
        }

        foreach (var ch in key)
        {
            if (IsForbidden(ch))
            {
                throw new ArgumentException($"A table key may not contain '/', '\\', '#', '?' or control characters; got U+{(int)ch:X4} in \"{key}\".", paramName);
            }
        }

        return key;
    }

    /// <summary>Table names: 3–63 letters or digits, starting with a letter (the service's rule).</summary>
    public static string ValidateTableName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var ok = name.Length is >= 3 and <= 63 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit)
            && !name.Equals("tables", StringComparison.OrdinalIgnoreCase);
        return ok ? name : throw new ArgumentException($"Table name \"{name}\" must be 3–63 ASCII letters or digits starting with a letter.", nameof(name));
    }

    /// <summary>Encodes any text into a valid key: forbidden characters and '%' become %XX (reversible).</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (IsForbidden(ch) || ch == '%')
            {
                sb.Append('%').Append(((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(ch);
            }
        }

        return Validate(sb.ToString(), nameof(text));
    }

    private static bool IsForbidden(char ch) => ch is '/' or '\\' or '#' or '?' || char.IsControl(ch);
}
