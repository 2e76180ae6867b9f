namespace IncidentFlows.Server.Tests.Api.Generated;

/// <summary>
/// One generated request. <see cref="Marker"/> (<c>fz0042x</c>) is written into every string of its body, so whatever
/// of it is stored can be traced back to it; <see cref="Authorization"/> null means the test's API key.
/// </summary>
internal sealed record GeneratedRequest(
    int Number,
    HttpMethod Method,
    string Path,
    string? Body = null,
    string? ContentType = null,
    string? IdempotencyKey = null,
    string? Accept = null,
    string? Authorization = null,
    bool WithoutCredential = false)
{
    public string Marker => MarkerOf(Number);

    public bool Changes => Method != HttpMethod.Get;

    public static string MarkerOf(int number) => $"fz{number:D4}x";

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, new Uri(Path, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        if (Accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", Accept);
        }

        if (Authorization is not null) // replaces the client's API key; WithoutCredential is sent by a client that has none
        {
            message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        return message;
    }

    public override string ToString() =>
        $"#{Number} {Method} {Path} [{ContentType ?? "no content type"}{(IdempotencyKey is null ? "" : $", key {IdempotencyKey}")}{(Accept is null ? "" : $", accept {Accept}")}] {Shorten(Body)}";

    private static string Shorten(string? body) => body is null ? "(no body)" : body.Length > 300 ? body[..300] + "…" : body;
}
