using ContainerNetLib.Domain.Entities;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

public class LinkAcceptanceTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData(0, true)]
    [InlineData(30, true)]
    [InlineData(-1, false)]
    public void An_acceptance_holds_through_its_last_day_and_not_after(int daysLeft, bool accepted)
    {
        // Otherwise: a link an editor accepted until today shows "link broken" to readers a day early, or an
        // expired acceptance keeps a broken link off the report for good.
        var state = State(Today.AddDays(daysLeft));
        Assert.Equal(accepted, state.IsAcceptedOn(Today));
    }

    [Fact]
    public void A_link_no_editor_accepted_is_not_accepted()
    {
        // Otherwise: every broken link is hidden from readers and the report as if an editor had vouched for it.
        Assert.False(State(null).IsAcceptedOn(Today));
    }

    private static LinkState State(DateOnly? until) => new()
    {
        NormalizedUrl = "https://example.org/a", Url = "https://example.org/a", Host = "example.org",
        AcceptedUntil = until, AcceptedReason = until is null ? null : "opens in a browser",
    };
}
