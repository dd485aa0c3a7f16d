using ContainerNetLib.Domain.Suggestions;

namespace ContainerNetLib.Domain.Tests.Suggestions;

public class SuggestionCreditTests
{
    private const string Added = "Added “Overlays, suggested by someone, accepted by all” to Networking";

    [Fact]
    public void The_credit_names_the_members_in_order_and_the_editor_who_accepted()
    {
        // Otherwise: the history hides who found the link or who let it in.
        Assert.Equal(", suggested by ann@example.org, bob@example.org, accepted by ed@example.org",
            SuggestionCredit.Of(["ann@example.org", "bob@example.org"], "ed@example.org"));
    }

    [Theory]
    [InlineData("ann@example.org", "a former member, bob@example.org")]
    [InlineData("BOB@example.org", "ann@example.org, a former member")]
    [InlineData("an@example.org", "ann@example.org, bob@example.org")]
    [InlineData("ed@example.org", "ann@example.org, bob@example.org")]
    public void Forgetting_a_member_replaces_only_their_name_in_the_credit(string member, string members)
    {
        // Otherwise: a removed member's address stays in the history, another name (or the editor's, or the entry's
        // title that happens to read like a credit) is changed with it.
        var summary = Added + SuggestionCredit.Of(["ann@example.org", "bob@example.org"], "ed@example.org");
        Assert.Equal($"{Added}, suggested by {members}, accepted by ed@example.org",
            SuggestionCredit.Forget(summary, member));
    }

    [Fact]
    public void A_summary_without_a_credit_is_left_as_it_was()
    {
        // Otherwise: removing an account rewrites history it never appeared in.
        Assert.Equal("Added “ann@example.org” to Networking",
            SuggestionCredit.Forget("Added “ann@example.org” to Networking", "ann@example.org"));
    }
}
