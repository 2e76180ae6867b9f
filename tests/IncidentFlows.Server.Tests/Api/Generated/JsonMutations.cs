using System.Text.Json.Nodes;

namespace IncidentFlows.Server.Tests.Api.Generated;

/// <summary>
/// Mutations of a valid JSON body, from one seeded <see cref="Random"/>: fields dropped, retyped, nested or added, values
/// from the edges (huge, empty, control characters, impossible dates), and text-level damage the serializer cannot make
/// (truncation, lone surrogate escapes, trailing commas, duplicate keys, comments).
/// </summary>
internal sealed class JsonMutations(Random random)
{
    private static readonly Func<JsonNode?>[] EdgeValues =
    [
        () => null, () => true, () => 0, () => -1, () => 1e308, () => 2147483648L, () => 0.5,
        () => "", () => " ", () => "x", () => new string('x', 5000), () => "\u0000\u0007", () => "😀🔥", () => "‮rtl",
        () => "2027-02-30", () => "9999-12-31T23:59:59Z", () => "0001-01-01", () => "2026-11-23T10:00:00Z", () => "sev9", () => "SEV0",
        () => "closed", () => "INC-1", () => "<script>alert(1)</script>", () => "' or 1=1 --",
        () => new JsonArray(), () => new JsonObject(), () => new JsonArray(1, "a", null), () => new JsonObject { ["id"] = 7 },
        () => new JsonObject { ["id"] = "", ["name"] = new string('n', 300) },
    ];

    private static readonly Func<string, Random, string>[] TextDamage =
    [
        (json, r) => json[..r.Next(json.Length)],                                // truncated
        (json, r) => InsertIntoString(json, r, "\\ud83d"),                       // lone high surrogate escape
        (json, r) => InsertIntoString(json, r, "\\udc00x"),                      // lone low surrogate escape
        (json, _) => json.EndsWith('}') ? json[..^1] + ",}" : json + ",",         // trailing comma
        (json, _) => json.StartsWith('{') && json.Length > 2 ? "{\"title\":1," + json[1..] : json, // duplicate or unknown first key
        (json, _) => "/* c */" + json,                                          // a comment
        (json, _) => "\uFEFF" + json,                                            // a byte-order mark
        (json, _) => json + json,                                                // two documents
        (json, r) => InsertIntoString(json, r, "\\u0000"),                       // NUL escape
        (_, _) => "",                                                            // nothing at all
        (_, _) => "null",
        (_, _) => "[]",
        (_, _) => "\"just a string\"",
        (_, r) => new string('[', 64 + r.Next(2000)),                             // deep nesting
    ];

    /// <summary>The body text after 0–3 mutations; about one body in five is left valid.</summary>
    public string Mutate(JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var count = random.Next(5) == 0 ? 0 : 1 + random.Next(3);
        var node = body.DeepClone();
        var textDamage = false;
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(6))
            {
                case 0: Remove(node); break;
                case 1: case 2: Retype(node); break;
                case 3: Add(node); break;
                case 4: node = random.Next(3) == 0 ? Edge() ?? JsonValue.Create("null")! : node; break;
                default: textDamage = true; break;
            }
        }

        var json = node.ToJsonString();
        return textDamage ? TextDamage[random.Next(TextDamage.Length)](json, random) : json;
    }

    private void Remove(JsonNode node)
    {
        if (Pick(node) is var (parent, key) && parent is not null)
        {
            parent.Remove(key);
        }
    }

    private void Retype(JsonNode node)
    {
        if (Pick(node) is var (parent, key) && parent is not null)
        {
            parent[key] = Edge();
        }
    }

    private void Add(JsonNode node)
    {
        if (node is JsonObject o)
        {
            o[random.Next(2) == 0 ? "unexpected" : "$type"] = Edge();
        }
    }

    /// <summary>A property of the body or of one object nested in it.</summary>
    private (JsonObject? Parent, string Key) Pick(JsonNode node)
    {
        if (node is not JsonObject o || o.Count == 0)
        {
            return (null, "");
        }

        var (key, value) = o.ElementAt(random.Next(o.Count));
        return value is JsonObject { Count: > 0 } nested && random.Next(2) == 0 ? Pick(nested) : (o, key);
    }

    private JsonNode? Edge() => EdgeValues[random.Next(EdgeValues.Length)]();

    private static string InsertIntoString(string json, Random random, string escape)
    {
        var quotes = json.Select((c, i) => (c, i)).Where(p => p.c == '"').Select(p => p.i).ToList();
        return quotes.Count == 0 ? json : json.Insert(quotes[random.Next(quotes.Count)] + 1, escape);
    }
}
