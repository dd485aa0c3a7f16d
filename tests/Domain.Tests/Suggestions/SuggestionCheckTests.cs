using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.Suggestions;

namespace ContainerNetLib.Domain.Tests.Suggestions;

public class SuggestionCheckTests
{
    [Theory]
    [InlineData(LinkOutcome.Ok, null, "working")]
    [InlineData(LinkOutcome.Archived, null, "working")]
    [InlineData(LinkOutcome.Redirected, "https://new.example/a", "moved permanently to https://new.example/a")]
    [InlineData(LinkOutcome.Broken, null, "gone")]
    [InlineData(LinkOutcome.Blocked, null, "blocked the checker")]
    [InlineData(LinkOutcome.Timeout, null, "could not be reached")]
    [InlineData(LinkOutcome.DnsFailure, null, "could not be reached")]
    [InlineData(LinkOutcome.ServerError, null, "could not be reached")]
    public void Each_check_result_reads_as_the_member_and_the_editor_are_told(LinkOutcome outcome, string? finalUrl,
        string expected)
    {
        // Otherwise: a member is told a dead page works, or an editor accepts a link without seeing that it moved.
        Assert.Equal(expected, SuggestionCheck.Describe(outcome, finalUrl));
    }

    [Fact]
    public void A_page_that_moved_for_good_is_added_at_its_new_address_and_any_other_at_the_suggested_one()
    {
        // Otherwise: accepting a moved page puts the old address in the list, to be reported as moved the next night.
        Assert.Equal("https://new.example/",
            SuggestionCheck.AddressToUse("http://old.example/", LinkOutcome.Redirected, "https://new.example/"));
        Assert.Equal("http://old.example/",
            SuggestionCheck.AddressToUse("http://old.example/", LinkOutcome.Ok, "https://new.example/"));
    }
}
