using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using ContainerNetLib.Domain.Text;

namespace ContainerNetLib.Domain.Tests.Text;

/// <summary>What text the list can hold, and every field's limit: one rule for every way in.</summary>
public class TextRuleTests
{
    // Built in code: a lone surrogate does not survive in an attribute's string.
    public static TheoryData<string, int, string> Refused() => new()
    {
        { "a\0b", 1, "U+0000 (NUL)" },
        { "bell\u0007", 4, "U+0007 (a control character)" },
        { "lone " + (char)0xD800 + " high", 5, "U+D800 (half of a surrogate pair)" },
        { "lone " + (char)0xDC00 + " low", 5, "U+DC00 (half of a surrogate pair)" },
        { "swapped " + (char)0xDE00 + (char)0xD83D, 8, "U+DE00 (half of a surrogate pair)" },
        { "at the end " + (char)0xD83D, 11, "U+D83D (half of a surrogate pair)" },
        { "\uFFFF", 0, "U+FFFF (not a character)" },
    };

    [Theory]
    [MemberData(nameof(Refused), DisableDiscoveryEnumeration = true)]
    public void A_character_postgresql_or_a_feed_cannot_carry_is_found_and_named(string text, int index, string name)
    {
        // Otherwise: the write answers 500 (PostgreSQL 22021) or the Atom feed breaks for every reader.
        Assert.Equal(index, TextRule.FirstRefused(text));
        Assert.Equal(name, TextRule.Describe(text[index]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain words")]
    [InlineData("tab\tline\nreturn\r\n")]
    [InlineData("é ß ١٢٣ 😀 \u202e \uFFFD")]
    [InlineData("\uD83D\uDE00 at the very end \uD83D\uDE00")]
    public void Text_any_language_writes_is_held(string text)
    {
        // Otherwise: an editor writing in Greek, or with an emoji, is told their text cannot be stored.
        Assert.Equal(-1, TextRule.FirstRefused(text));
    }

    [Fact]
    public void Stripping_keeps_everything_the_list_can_hold()
    {
        // Otherwise: a search with a stray control character finds nothing, or fails.
        Assert.Equal("ab 😀c", TextRule.Strip("a\0b \uD83D\uDE00" + (char)0xD800 + "c\u0001"));
    }

    [Fact]
    public void Text_read_from_a_page_keeps_only_what_the_list_can_store()
    {
        // Otherwise: a PDF whose text carries a NUL makes its saved copy, or a prefilled title, fail in PostgreSQL.
        Assert.Equal("Title with a NUL", Whitespace.Collapse(" Title\0 with\ta \u0001NUL\n"));
    }

    [Fact]
    public void A_field_over_its_limit_is_named_with_the_limit_and_one_at_the_limit_is_taken()
    {
        // Otherwise: a 10 MB title is stored and every page that lists it grows by 10 MB.
        var limit = TextField.EntryTitle.MaxLength;
        Assert.Null(TextField.EntryTitle.Problem(new string('t', limit)));
        Assert.Equal($"The title has {limit + 1:N0} characters; the limit is {limit:N0}.",
            TextField.EntryTitle.Problem(new string('t', limit + 1)));
        Assert.StartsWith("\"title\" has 10,485,760 characters; the limit is",
            TextField.EntryTitle.Problem(new string('t', 10 * 1024 * 1024), "\"title\""));
    }

    [Fact]
    public void A_field_holding_a_nul_is_named_with_the_character_and_where_it_is()
    {
        // Otherwise: the editor is told "something went wrong" and cannot find the invisible character.
        Assert.Equal("\"url\" holds U+0000 (NUL) at character 20, which the list cannot store: remove it.",
            TextField.WebAddress.Problem("https://a.example/a\0b", "\"url\""));
    }

    [Fact]
    public void A_markdown_field_is_also_held_to_the_parsing_limits_with_its_line()
    {
        // Otherwise: one pasted description nested a thousand deep stalls the editor's preview and the save.
        var problem = TextField.EntryDescription.Problem("fine\n" + new string('[', 100));
        Assert.Equal("The description, line 2: more link brackets ([) open at once than the limit of 32.", problem);
        Assert.Null(TextField.EntryTitle.Problem(new string('[', 100)));
    }

    [Fact]
    public void Every_limit_is_generous_for_real_text_and_a_url_takes_what_browsers_take()
    {
        // Otherwise: a real title, a long tracking-laden URL or a full description is refused.
        Assert.True(TextField.EntryTitle.MaxLength >= 300);
        Assert.True(TextField.WebAddress.MaxLength >= 2_000);
        Assert.True(TextField.EntryMarkdown.MaxLength >= TextField.EntryTitle.MaxLength + TextField.WebAddress.MaxLength
            + TextField.EntryDescription.MaxLength);
    }

    [Fact]
    public void Token_names_and_exclusion_reasons_follow_the_same_rule()
    {
        // Otherwise: a token named with a NUL, or an exclusion's reason, answers 500 instead of a sentence.
        var now = DateTimeOffset.UnixEpoch;
        Assert.Contains("U+0000", ApiTokens.Problem("deploy\0bot", now.AddDays(30), now));
        Assert.Contains("the limit is 100", ApiTokens.Problem(new string('n', 101), now.AddDays(30), now));
        Assert.Null(ExclusionRule.TryCreate(ExclusionKind.Host, "example.org", "bots\0", null, null, out var problems));
        Assert.Contains(problems, p => p.StartsWith("The reason holds U+0000", StringComparison.Ordinal));
        Assert.Null(ExclusionRule.TryCreate(ExclusionKind.Url, "https://a.example/\u0001", "why", null, null,
            out problems));
        Assert.Contains(problems, p => p.StartsWith("The URL holds U+0001", StringComparison.Ordinal));
    }
}
