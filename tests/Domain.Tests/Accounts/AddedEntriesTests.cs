using ContainerNetLib.Domain.Accounts.Marks;
using ContainerNetLib.Domain.Entities;

namespace ContainerNetLib.Domain.Tests.Accounts;

public class AddedEntriesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_new_counts_are_the_rules_own_count_for_every_visit_mark_all_and_mark()
    {
        // Otherwise: the home page's count beside a section says more or fewer new entries than its page marks new.
        // Three sections, an entry every hour for four days, marks of every kind (read, unread, none) at every age.
        var entries = Enumerable.Range(0, 96).Select(i => (Id: (long)i + 1, SectionId: i % 3,
            CreatedAt: Start.AddHours(i))).ToList();
        var added = new AddedEntries(entries);
        var marks = entries.Where(e => e.Id % 4 != 0).Select(e => (e.Id, Read: e.Id % 4 != 1)).ToList();
        foreach (var since in new[] { Start.AddHours(-1), Start.AddHours(30), Start.AddHours(95), Start.AddDays(9) })
        foreach (var readAll in new DateTimeOffset?[] { null, since.AddHours(-5), since.AddHours(20) })
        {
            var visit = new MemberVisit { UserId = "m", PreviousVisitEndedAt = since, LastSeenAt = since,
                ReadAllAt = readAll };
            var isNew = MarkedEntries.IsNew(visit).Compile();
            var reads = marks.ToDictionary(m => m.Id, m => m.Read);
            var expected = entries.Select(e => added.Find(e.Id, reads.TryGetValue(e.Id, out var r) ? r : null)!)
                .Where(isNew).GroupBy(e => e.SectionId).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(expected, added.NewCounts(visit, marks));
        }
    }

    [Fact]
    public void A_mark_on_an_entry_readers_no_longer_see_changes_no_count()
    {
        // Otherwise: a member who had marked an entry since retired sees a count off by one, or the page fails.
        var added = new AddedEntries([(1, 7, Start.AddHours(1)), (2, 7, Start.AddHours(2))]);
        var visit = new MemberVisit { UserId = "m", PreviousVisitEndedAt = Start, LastSeenAt = Start };
        Assert.Equal(new Dictionary<int, int> { [7] = 1 }, added.NewCounts(visit, [(2, true), (99, true)]));
        Assert.Empty(added.NewCounts(visit, [(1, true), (2, true)]));
        Assert.Equal([1, 2], added.OfSection(7).Order());
        Assert.Empty(added.OfSection(8));
    }
}
