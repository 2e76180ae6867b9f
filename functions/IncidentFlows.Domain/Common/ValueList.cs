using System.Collections;
using System.Collections.Immutable;

namespace IncidentFlows.Domain.Common;

/// <summary>
/// An immutable list with value equality, so records that hold lists (events, state) compare by
/// content: replaying the same events must give an equal state.
/// </summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    public static readonly ValueList<T> Empty = new(ImmutableList<T>.Empty);

    private readonly ImmutableList<T> _items;

    private ValueList(ImmutableList<T> items) => _items = items;

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    internal static ValueList<T> Create(IEnumerable<T> items) => new(ImmutableList.CreateRange(items));

    public ValueList<T> Add(T item) => new(_items.Add(item));

    public ValueList<T> SetItem(int index, T item) => new(_items.SetItem(index, item));

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueList<T>? other) => other is not null && _items.SequenceEqual(other._items);

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode() => _items.Aggregate(_items.Count, (hash, item) => HashCode.Combine(hash, item));

    public override string ToString() => $"[{string.Join(", ", _items)}]";
}

/// <summary>Creates <see cref="ValueList{T}"/>s.</summary>
public static class ValueList
{
    public static ValueList<T> From<T>(IEnumerable<T> items) => ValueList<T>.Create(items);
}
