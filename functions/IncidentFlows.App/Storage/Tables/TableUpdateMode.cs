namespace IncidentFlows.App.Storage.Tables;

/// <summary>Replace overwrites the whole entity (PUT); Merge keeps properties not sent (MERGE).</summary>
public enum TableUpdateMode
{
    Replace,
    Merge,
}
