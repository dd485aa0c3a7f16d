using ContainerNetLib.Domain.Accounts.Marks;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Infrastructure;
using ContainerNetLib.Portal.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.Marks;

/// <summary>What one member sees laid over the shared pages, and their reading list.</summary>
public sealed class MemberReading(IDbContextFactory<PortalDbContext> databases, SectionDirectory directory,
    IOptions<ReadingOptions> options, TimeProvider time, CurrentRevision contentRevision)
{
    private ReadingOptions Options => options.Value;

    // When each entry was added is the same for every member: read once per content revision, not per request.
    private readonly RevisionCache<AddedEntries> _added = new(contentRevision);

    /// <summary>
    /// The member is seen now (a visit); then the marks of one section's page, or with none the new entries' count per
    /// section (keyed by the section's address, as the home page links it). Null when the account is gone.
    /// </summary>
    public async Task<MarksAnswer?> MarksAsync(string userId, int? sectionId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(ct);
        if (await MemberVisits.SeenAsync(db, userId, now, Options.VisitGap, ct) is not { } visit) return null;
        if (sectionId is { } id)
        {
            var page = await MarkedEntries.OfSectionAsync(db, userId, visit, await AddedAsync(ct), id,
                Options.WindowStart(now), ct);
            return new MarksAnswer(visit.PreviousVisitEndedAt, null, page.New, page.Unread, page.Later);
        }
        var marks = await db.ReadMarks.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.EntryId, m.Read }).ToListAsync(ct);
        var counts = (await AddedAsync(ct)).NewCounts(visit, marks.Select(m => (m.EntryId, m.Read)));
        var sections = await directory.GetAsync(ct);
        var bySection = sections.Where(s => counts.ContainsKey(s.Id))
            .ToDictionary(s => ReaderLinks.Section(s.Slug), s => counts[s.Id]);
        return new MarksAnswer(visit.PreviousVisitEndedAt, bySection, [], [], []);
    }

    private Task<AddedEntries> AddedAsync(CancellationToken ct) => _added.GetAsync(async loading =>
    {
        await using var db = await databases.CreateDbContextAsync(loading);
        return await AddedEntries.LoadAsync(db, loading);
    }, ct);

    public async Task<ReadingList> ReadingListAsync(string userId, int take, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(ct);
        var visit = await db.MemberVisits.AsNoTracking().SingleOrDefaultAsync(v => v.UserId == userId, ct)
            ?? new Domain.Entities.MemberVisit { UserId = userId, PreviousVisitEndedAt = now, LastSeenAt = now };
        var unreadIds = MarkedEntries.Of(db, userId).Where(MarkedEntries.IsUnread(visit, Options.WindowStart(now)))
            .Select(e => e.Id);
        var unreadCount = await unreadIds.CountAsync(ct);
        var unread = await db.Entries.AsNoTracking().Where(e => unreadIds.Contains(e.Id))
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new ReadingItem(e.Id, e.Title ?? e.Url ?? e.Markdown, e.Url, e.Section.Title, e.Section.Slug,
                e.CreatedAt))
            .ToListAsync(ct);
        var later = await db.ReadLater.AsNoTracking().Where(l => l.UserId == userId)
            .Join(db.Entries, l => l.EntryId, e => e.Id, (l, e) => new { l.AddedAt, Entry = e })
            .OrderByDescending(x => x.AddedAt).ThenByDescending(x => x.Entry.Id)
            .Select(x => new ReadingItem(x.Entry.Id, x.Entry.Title ?? x.Entry.Url ?? x.Entry.Markdown, x.Entry.Url,
                x.Entry.Section.Title, x.Entry.Section.Slug, x.AddedAt))
            .ToListAsync(ct);
        return new ReadingList(unread, unreadCount, later, Options.NewForDays);
    }
}

/// <summary>The personal endpoint's answer; <c>Token</c> is the antiforgery token its writes carry.</summary>
public sealed record MarksAnswer(DateTimeOffset Since, IReadOnlyDictionary<string, int>? NewBySection,
    IReadOnlyList<long> New, IReadOnlyList<long> Unread, IReadOnlyList<long> Later)
{
    public string? Token { get; init; }
}

/// <summary>An entry on the reading page; <c>At</c> is when it was added to the list (unread) or to read later.
/// </summary>
public sealed record ReadingItem(long Id, string Title, string? Url, string SectionTitle, string SectionSlug,
    DateTimeOffset At);

public sealed record ReadingList(IReadOnlyList<ReadingItem> Unread, int UnreadCount, IReadOnlyList<ReadingItem> Later,
    int NewForDays);
