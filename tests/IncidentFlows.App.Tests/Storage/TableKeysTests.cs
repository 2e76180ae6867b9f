using IncidentFlows.App.Storage;

namespace IncidentFlows.App.Tests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    public void Keys_with_characters_the_service_forbids_are_refused(string key) =>
        Assert.Throws<ArgumentException>(() => TableKeys.Validate(key, nameof(key)));

    [Fact]
    public void Keys_longer_than_1_KiB_are_refused() =>
        Assert.Throws<ArgumentException>(() => TableKeys.Validate(new string('k', TableKeys.MaxKeyLength + 1), "key"));

    [Fact]
    public void Encoding_makes_any_text_a_valid_key_and_keeps_distinct_texts_distinct()
    {
        var a = TableKeys.Encode("19:abc/def#1?x");
        var b = TableKeys.Encode("19:abc%002Fdef#1?x");

        Assert.Equal("19:abc%002Fdef%00231%003Fx", a);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("tables")]
    public void Invalid_table_names_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => TableKeys.ValidateTableName(name));
}
