using System.Threading.Channels;
using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Incidents;

/// <summary>
/// In-process nudges: "this incident has new effects". Only a hint for promptness; the wake-ups
/// index is what guarantees the work is done, even after a crash.
/// </summary>
public sealed class PendingWork
{
    private readonly Channel<IncidentId> _channel = Channel.CreateBounded<IncidentId>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Signal(IncidentId id) => _channel.Writer.TryWrite(id);

    public ValueTask<bool> WaitToReadAsync(CancellationToken ct) => _channel.Reader.WaitToReadAsync(ct);

    public bool TryRead(out IncidentId id) => _channel.Reader.TryRead(out id);
}
