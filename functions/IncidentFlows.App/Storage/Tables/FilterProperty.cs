namespace IncidentFlows.App.Storage.Tables;

/// <summary>A property to compare in a <see cref="TableFilter"/>.</summary>
public sealed class FilterProperty
{
    private readonly string _name;

    internal FilterProperty(string name) => _name = name;

    public TableFilter Eq(FilterLiteral value) => TableFilter.Comparison(_name, "eq", value);

    public TableFilter Ne(FilterLiteral value) => TableFilter.Comparison(_name, "ne", value);

    public TableFilter Gt(FilterLiteral value) => TableFilter.Comparison(_name, "gt", value);

    public TableFilter Ge(FilterLiteral value) => TableFilter.Comparison(_name, "ge", value);

    public TableFilter Lt(FilterLiteral value) => TableFilter.Comparison(_name, "lt", value);

    public TableFilter Le(FilterLiteral value) => TableFilter.Comparison(_name, "le", value);

    public override string ToString() => _name;
}
