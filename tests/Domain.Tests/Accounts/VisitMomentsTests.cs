using ContainerNetLib.Domain.Accounts.Marks;

namespace ContainerNetLib.Domain.Tests.Accounts;

public class VisitMomentsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Gap = TimeSpan.FromMinutes(30);

    [Fact]
    public void Reading_page_after_page_keeps_the_same_previous_visit()
    {
        // Otherwise: the "new" marks vanish as soon as the member opens a second page, before they have read them.
        var visit = VisitMoments.First(Start);
        for (var minute = 5; minute <= 120; minute += 5)
            visit = visit.SeenAt(Start.AddMinutes(minute), Gap);
        Assert.Equal(Start, visit.PreviousVisitEndedAt);
        Assert.Equal(Start.AddMinutes(120), visit.LastSeenAt);
    }

    [Fact]
    public void Coming_back_after_a_break_makes_the_last_moment_of_the_previous_visit_the_new_since()
    {
        // Otherwise: entries added overnight are not marked new the next morning, or entries from weeks ago still are.
        var visit = VisitMoments.First(Start).SeenAt(Start.AddMinutes(20), Gap);
        var nextMorning = visit.SeenAt(Start.AddHours(24), Gap);
        Assert.Equal(Start.AddMinutes(20), nextMorning.PreviousVisitEndedAt);
        Assert.Equal(Start.AddHours(24), nextMorning.LastSeenAt);
    }

    [Fact]
    public void A_gap_just_under_the_visit_gap_is_the_same_visit_and_one_of_exactly_the_gap_a_new_one()
    {
        // Otherwise: the boundary the documentation states is not the one the portal keeps.
        var visit = VisitMoments.First(Start);
        Assert.Equal(Start, visit.SeenAt(Start + Gap - TimeSpan.FromSeconds(1), Gap).PreviousVisitEndedAt);
        Assert.Equal(Start, visit.SeenAt(Start + Gap, Gap).PreviousVisitEndedAt);
        Assert.Equal(Start + Gap, visit.SeenAt(Start + Gap, Gap).LastSeenAt);
        var later = visit.SeenAt(Start + Gap, Gap).SeenAt(Start + Gap + Gap, Gap);
        Assert.Equal(Start + Gap, later.PreviousVisitEndedAt);
    }

    [Fact]
    public void Requests_within_a_minute_and_a_clock_that_went_back_change_nothing()
    {
        // Otherwise: every page view writes a row, or a clock step backwards moves "since" into the future.
        var visit = VisitMoments.First(Start);
        Assert.Equal(visit, visit.SeenAt(Start.AddSeconds(59), Gap));
        Assert.Equal(visit, visit.SeenAt(Start.AddHours(-3), Gap));
    }
}
