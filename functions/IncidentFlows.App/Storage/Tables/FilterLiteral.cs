using System.Globalization;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// A value in an OData filter, rendered and escaped by construction: it can only be made from a typed value,
/// never from raw filter text, so <c>x' or PartitionKey ne '</c> stays a string literal.
/// </summary>
public readonly record struct FilterLiteral
{
    private FilterLiteral(string text) => Text = text;

    /// <summary>The literal as OData text (for example <c>'it''s'</c>, <c>42L</c>, <c>datetime'…Z'</c>).</summary>
    public string Text { get; }

    public static FilterLiteral FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new("'" + value.Replace("'", "''", StringComparison.Ordinal) + "'");
    }

    public static FilterLiteral FromInt64(long value) => new(value.ToString(CultureInfo.InvariantCulture) + "L");

    public static FilterLiteral FromInt32(int value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static FilterLiteral FromBoolean(bool value) => new(value ? "true" : "false");

    public static FilterLiteral FromDateTimeOffset(DateTimeOffset value) =>
        new("datetime'" + value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'");

    public static FilterLiteral FromGuid(Guid value) => new("guid'" + value.ToString("D") + "'");

    public static implicit operator FilterLiteral(string value) => FromString(value);

    public static implicit operator FilterLiteral(long value) => FromInt64(value);

    public static implicit operator FilterLiteral(int value) => FromInt32(value);

    public static implicit operator FilterLiteral(bool value) => FromBoolean(value);

    public static implicit operator FilterLiteral(DateTimeOffset value) => FromDateTimeOffset(value);

    public static implicit operator FilterLiteral(Guid value) => FromGuid(value);

    public override string ToString() => Text;
}
