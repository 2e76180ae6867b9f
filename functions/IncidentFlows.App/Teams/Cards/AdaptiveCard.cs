using System.Text.Json.Nodes;

namespace IncidentFlows.App.Teams.Cards;

/// <summary>
/// Adaptive Card 1.5 elements built as JSON in code. Only the elements we use; every helper leaves a
/// property out rather than writing null (the Agents Playground rejects nulls, Teams ignores absent ones).
/// </summary>
public static class AdaptiveCard
{
    public const string Version = "1.5";

    public static JsonObject Create(IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
        };
        var list = actions?.ToArray() ?? [];
        if (list.Length > 0)
        {
            card["actions"] = new JsonArray(list);
        }

        return card;
    }

    public static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        Set(block, "size", size);
        Set(block, "weight", weight);
        Set(block, "color", color);
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    /// <summary>Action.Execute: Teams sends an <c>adaptiveCard/action</c> invoke and shows the card we answer with.</summary>
    public static JsonObject Execute(string title, string verb, JsonObject data, string? style = null)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data };
        Set(action, "style", style);
        return action;
    }

    public static JsonObject ShowCard(string title, JsonObject card) => new() { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = card };

    public static JsonObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    public static JsonObject InputText(string id, string label, string placeholder = "", bool multiline = false, bool required = false) => new()
    {
        ["type"] = "Input.Text",
        ["id"] = id,
        ["label"] = label,
        ["placeholder"] = placeholder,
        ["isMultiline"] = multiline,
        ["isRequired"] = required,
    };

    public static JsonObject Choices(string id, string label, string value, IEnumerable<(string Title, string Value)> choices) => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["id"] = id,
        ["label"] = label,
        ["value"] = value,
        ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
    };

    public static JsonObject Toggle(string id, string title) => new() { ["type"] = "Input.Toggle", ["id"] = id, ["title"] = title, ["value"] = "false" };

    private static void Set(JsonObject o, string name, string? value)
    {
        if (value is not null)
        {
            o[name] = value;
        }
    }
}
