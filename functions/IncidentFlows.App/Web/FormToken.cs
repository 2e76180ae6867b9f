namespace IncidentFlows.App.Web;

/// <summary>The antiforgery field a page's forms carry: a cookie-signed-in browser must not be made to post from another site.</summary>
public sealed record FormToken(string Field, string Value);
