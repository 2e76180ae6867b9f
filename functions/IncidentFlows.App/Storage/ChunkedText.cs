using System.Globalization;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// Long text (JSON) split across string properties <c>Name</c>, <c>Name1</c>, … <c>NameN</c> of ≤ 32,000
/// characters each (a string property holds 64 KiB = 32,768 UTF-16 characters), up to
/// <see cref="MaxChars"/> in one entity so it stays under 1 MiB. Longer text is refused with
/// <see cref="PayloadTooLargeException"/>: the stores keep one logical record in one row (atomic, one read).
/// </summary>
internal static class ChunkedText
{
    public const int ChunkChars = 32_000;
    public const int MaxChunks = 15;
    public const int MaxChars = ChunkChars * MaxChunks;

    public static void Write(TableEntity entity, string name, string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxChars)
        {
            throw new PayloadTooLargeException(
                $"{what} is {text.Length:N0} characters; one row holds at most {MaxChars:N0} (split over {MaxChunks} properties of 64 KiB, under the 1 MiB entity limit). Nothing was written.");
        }

        var chunks = Math.Max(1, (text.Length + ChunkChars - 1) / ChunkChars);
        for (var i = 0; i < chunks; i++)
        {
            var start = i * ChunkChars;
            entity[PropertyName(name, i)] = text.Substring(start, Math.Min(ChunkChars, text.Length - start));
        }

        entity[name + "Chunks"] = chunks;
    }

    public static string Read(TableEntity entity, string name)
    {
        var chunks = entity.GetInt32(name + "Chunks") ?? 1;
        if (chunks == 1)
        {
            return entity.GetString(name) ?? throw Missing(entity, name);
        }

        return string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(PropertyName(name, i)) ?? throw Missing(entity, PropertyName(name, i))));
    }

    private static string PropertyName(string name, int index) => index == 0 ? name : name + index.ToString(CultureInfo.InvariantCulture);

    private static InvalidOperationException Missing(TableEntity entity, string name) =>
        new($"Row {entity.PartitionKey}/{entity.RowKey} has no '{name}' property; it was not written by this store.");
}
