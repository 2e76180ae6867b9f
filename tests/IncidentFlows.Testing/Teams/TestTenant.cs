namespace IncidentFlows.Testing.Teams;

/// <summary>The bot and the incidents team the Teams tests pretend to be, in one place.</summary>
public static class TestTenant
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TeamGroupId = "0d0c0b0a-0000-4000-8000-00000000aaaa";
    public const string IncidentsChannel = "19:incidents@thread.tacv2";
}
