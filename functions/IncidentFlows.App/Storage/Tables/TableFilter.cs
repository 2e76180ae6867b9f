namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// A safe OData <c>$filter</c> expression: built only from validated property names, comparison operators and
/// <see cref="FilterLiteral"/>s, combined with <c>&amp;</c>, <c>|</c> and <c>!</c> (always parenthesised).
/// <code>TableFilter.PartitionKey.Eq(team) &amp; TableFilter.Property("Status").Eq(status)</code>
/// </summary>
public readonly record struct TableFilter
{
    private TableFilter(string expression) => Expression = expression;

    public string Expression { get; }

    public static FilterProperty PartitionKey { get; } = new("PartitionKey");

    public static FilterProperty RowKey { get; } = new("RowKey");

    public static FilterProperty Property(string name)
    {
        if (name is not ("PartitionKey" or "RowKey" or "Timestamp"))
        {
            EntityJson.ValidatePropertyName(name);
        }

        return new FilterProperty(name);
    }

    internal static TableFilter Comparison(string property, string op, FilterLiteral value) => new($"{property} {op} {value.Text}");

    public static TableFilter operator &(TableFilter left, TableFilter right) => new($"({left.Expression}) and ({right.Expression})");

    public static TableFilter operator |(TableFilter left, TableFilter right) => new($"({left.Expression}) or ({right.Expression})");

    public static TableFilter operator !(TableFilter filter) => new($"not ({filter.Expression})");

    public static TableFilter BitwiseAnd(TableFilter left, TableFilter right) => left & right;

    public static TableFilter BitwiseOr(TableFilter left, TableFilter right) => left | right;

    public static TableFilter LogicalNot(TableFilter filter) => !filter;

    public override string ToString() => Expression;
}
