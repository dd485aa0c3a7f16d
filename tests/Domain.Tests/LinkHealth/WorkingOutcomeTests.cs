using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

public class WorkingOutcomeTests
{
    [Theory]
    [InlineData(LinkOutcome.Ok)]
    [InlineData(LinkOutcome.Redirected)]
    [InlineData(LinkOutcome.Archived)]
    public void A_page_that_answered_is_working(LinkOutcome outcome)
    {
        // Otherwise: the report's "Working" card and the outcome table disagree on an archived repository, or a
        // moved page gets no saved copy and no title read.
        Assert.True(outcome.IsWorking());
    }

    [Theory]
    [InlineData(LinkOutcome.Broken)]
    [InlineData(LinkOutcome.ServerError)]
    [InlineData(LinkOutcome.Timeout)]
    [InlineData(LinkOutcome.Blocked)]
    [InlineData(LinkOutcome.Skipped)]
    [InlineData(LinkOutcome.Refused)]
    public void A_failure_a_refusal_or_a_skip_is_not_working(LinkOutcome outcome)
    {
        // Otherwise: a 404 page or a bot wall is saved as the article's copy, and counted as a working link.
        Assert.False(outcome.IsWorking());
    }

    [Fact]
    public void The_list_for_database_queries_names_exactly_the_working_outcomes()
    {
        // Otherwise: the copy job (a database query) saves pages the report does not count as working, or skips some.
        Assert.Equal(Enum.GetValues<LinkOutcome>().Where(o => o.IsWorking()), LinkOutcomes.Working);
    }

    [Fact]
    public void Every_outcome_is_working_failed_blocked_or_undialled()
    {
        // Otherwise: a new outcome is counted in none of the report's cards, and the card totals stop adding up.
        foreach (var outcome in Enum.GetValues<LinkOutcome>())
            Assert.True(outcome.IsWorking() || LinkStateTransition.IsFailure(outcome) ||
                outcome == LinkOutcome.Blocked || outcome.IsUndialled(), $"{outcome} is in no card");
    }
}
