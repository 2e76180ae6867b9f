using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// The rows of one incident's partition (see README.md): commit rows keyed by zero-padded sequence,
/// and the snapshot row. Keys sort as: commits ("0000000001"…) &lt; "snapshot".
/// </summary>
internal static class IncidentRows
{
    public const string SnapshotKey = "snapshot";
    private const string FirstCommitKey = "0000000001";
    private const string LastCommitKey = "9999999999";

    public static string CommitKey(long sequence) => sequence.ToString("D10", CultureInfo.InvariantCulture);

    public static long SequenceOf(TableEntity row) => long.Parse(row.RowKey, CultureInfo.InvariantCulture);

    public static string Commits(string incidentId, long afterSequence = 0) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {incidentId} and RowKey ge {(afterSequence == 0 ? FirstCommitKey : CommitKey(afterSequence + 1))} and RowKey le {LastCommitKey}");

    public static TableEntity CommitRow(string incidentId, long sequence, IReadOnlyList<StoredEvent> events)
    {
        var row = new TableEntity(incidentId, CommitKey(sequence)) { ["Count"] = events.Count, ["At"] = events[0].At };
        ChunkedText.Write(row, "Events", JsonSerializer.Serialize(events, StorageJson.Options), $"Commit {sequence} of incident {incidentId}");
        return row;
    }

    public static IReadOnlyList<StoredEvent> EventsOf(TableEntity commitRow) =>
        JsonSerializer.Deserialize<List<StoredEvent>>(ChunkedText.Read(commitRow, "Events"), StorageJson.Options)
        ?? throw new InvalidOperationException($"Commit row {commitRow.PartitionKey}/{commitRow.RowKey} holds no events.");

    /// <summary>Marks commit N as followed; merged in the same transaction as commit N+1 to prove N exists.</summary>
    public static TableEntity SuccessorMark(string incidentId, long sequence, long next) =>
        new(incidentId, CommitKey(sequence)) { ["Next"] = next };

    public static TableEntity SnapshotRow(string incidentId, long version, string json)
    {
        var row = new TableEntity(incidentId, SnapshotKey) { ["Version"] = version };
        ChunkedText.Write(row, "State", json, $"The snapshot of incident {incidentId}");
        return row;
    }

    public static StoredSnapshot SnapshotOf(TableEntity row) =>
        new(row.GetInt64("Version") ?? 0, ChunkedText.Read(row, "State"));
}
