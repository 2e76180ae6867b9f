using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>The unit a rotation's shift length is counted in.</summary>
public enum ShiftUnit
{
    Hours,
    Days,
    Weeks,
}

/// <summary>
/// How long each participant holds a rotation, in local wall-clock time: "1 week" hands off at the same
/// wall-clock time seven local days later, even when that week is 167 or 169 hours long.
/// </summary>
public readonly record struct ShiftLength
{
    public ShiftLength(int count, ShiftUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!Enum.IsDefined(unit)) throw new ArgumentOutOfRangeException(nameof(unit));
        Count = count;
        Unit = unit;
    }

    public int Count { get; }

    public ShiftUnit Unit { get; }

    /// <summary>The shift length in local hours (a local day has 24 of them, whatever DST does).</summary>
    public long LocalHours => Count * (long)(Unit switch
    {
        ShiftUnit.Hours => 1,
        ShiftUnit.Days => 24,
        ShiftUnit.Weeks => 24 * 7,
        _ => throw new InvalidOperationException($"Unknown unit {Unit}."),
    });

    public override string ToString() => $"{Count}{Unit switch
    {
        ShiftUnit.Hours => "h",
        ShiftUnit.Days => "d",
        _ => "w",
    }}";
}
