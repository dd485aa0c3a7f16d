using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

public class WorkingOutcomeTests
{
    [Theory]
    [InlineData(LinkOutcome.Ok, true)]
    [InlineData(LinkOutcome.Redirected, true)]
    [InlineData(LinkOutcome.Archived, true)]
    [InlineData(LinkOutcome.Broken, false)]
    [InlineData(LinkOutcome.ServerError, false)]
    [InlineData(LinkOutcome.Timeout, false)]
    [InlineData(LinkOutcome.Blocked, false)]
    [InlineData(LinkOutcome.Skipped, false)]
    [InlineData(LinkOutcome.Refused, false)]
    public void A_page_that_answered_is_working_and_a_failure_a_refusal_or_a_skip_is_not(LinkOutcome outcome,
        bool working)
    {
        // Otherwise: the report's "Working" card and the outcome table disagree on an archived repository, a moved
        // page gets no saved copy, or a 404 page or a bot wall is saved as the article's copy.
        Assert.Equal(working, outcome.IsWorking());
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
