using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Domain.Suggestions;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Urls;
using ContainerNetLib.Portal.Features.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContainerNetLib.Portal.Features.Suggestions;

/// <summary>
/// A member's suggestion, from the form or the API: checked, then queued, added to the same pending suggestion, or
/// refused with a reason. Nothing readers see changes, so no content revision moves.
/// </summary>
public sealed class SuggestionIntake(IDbContextFactory<PortalDbContext> databases, LinkChecker checker,
    IOptions<SuggestionOptions> options, TimeProvider time, SuggestionNotifier notifier, CopyRuns copies,
    IOptions<SavedCopyOptions> savedCopies)
{
    private const string ChooseASection = "Choose one of the list's sections for the link.";

    public async Task<SuggestOutcome> SuggestAsync(SuggestionRequest request, string userId, string userName,
        CancellationToken ct = default)
    {
        var outcome = await TakeAsync(request, userId, userName, ct);
        if (outcome is not SuggestOutcome.Queued) SuggestionNotifier.Counted(outcome);
        return outcome;
    }

    private async Task<SuggestOutcome> TakeAsync(SuggestionRequest request, string userId, string userName,
        CancellationToken ct)
    {
        if (Problem(request) is { } invalid) return invalid;
        var url = request.Url!.Trim();
        var normalized = UrlNormalizer.Normalize(url);
        await using var db = await databases.CreateDbContextAsync(ct);
        var section = await db.Sections.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == request.Section, ct);
        if (section is null)
            return new SuggestOutcome.Invalid("section", ChooseASection);

        // The cheap answers first, before the page is fetched; they are asked again under the locks below.
        if (await InTheListAsync(db, normalized, ct) is { } held) return new SuggestOutcome.InTheList(held);
        if (await PendingAsync(db, normalized, ct) is { } pending) return await AddNameAsync(db, pending, userId, ct);
        if (await WaitAsync(db, userId, ct) is { } wait) return new SuggestOutcome.TooMany(wait);

        // With saved copies on, the one check reads the page whole, for the editor to read its text before deciding.
        var check = await checker.CheckAsync(url, ct,
            wholeBodyCap: savedCopies.Value.Enabled ? savedCopies.Value.MaxPageBytes : null);
        if (check.Outcome is LinkOutcome.Refused or LinkOutcome.InvalidUrl)
            return new SuggestOutcome.Invalid("url",
                $"This address cannot be suggested: the link checker refuses it ({check.Error}).");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The address's lock is the one every entry write takes (SameAddress): an editor adding the same address
        // at this moment is seen. The account's lock keeps twenty submissions at once within Suggestions:PerHour.
        var duplicate = await SameAddress.RefusalAsync(db, [normalized], except: null, ct);
        if (duplicate?.Existing.FirstOrDefault(e => !e.Retired) is { } now) return new SuggestOutcome.InTheList(now);
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(hashtext({userId}))", ct);
        if (await PendingAsync(db, normalized, ct) is { } raced)
        {
            var added = await AddNameAsync(db, raced, userId, ct);
            await transaction.CommitAsync(ct);
            return added;
        }
        if (await WaitAsync(db, userId, ct) is { } late) return new SuggestOutcome.TooMany(late);

        var suggestion = NewSuggestion(request, url, normalized, section.Id, check, userId);
        db.Suggestions.Add(suggestion);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
            when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another member's suggestion of the same address was saved a moment before: join it.
            await transaction.RollbackAsync(ct);
            await using var fresh = await databases.CreateDbContextAsync(ct);
            return await PendingAsync(fresh, normalized, ct) is { } first
                ? await AddNameAsync(fresh, first, userId, ct)
                : new SuggestOutcome.Invalid("url", "Someone suggested this at the same moment; try again.");
        }
        await transaction.CommitAsync(ct);
        var described = SuggestionCheck.Describe(check.Outcome, check.FinalUrl);
        await notifier.SuggestedAsync(suggestion, section.Title, userName, described, ct);
        // Stored as the list's pages are (noarchive, the size cap and the hosts switched off hold).
        if (check.Whole is { } whole)
            await copies.SaveWholeAsync(new CopyTarget(url, normalized, UrlNormalizer.Host(url) ?? ""), whole, ct);
        return new SuggestOutcome.Queued(suggestion.Id, described, suggestion.Title ?? suggestion.PageTitle);
    }

    private static SuggestOutcome.Invalid? Problem(SuggestionRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Url))
            return new("url", "Enter the web address of the page to suggest.");
        if (TextField.WebAddress.Problem(request.Url, "The web address") is { } tooLong) return new("url", tooLong);
        if (!UrlNormalizer.IsWebAddress(request.Url.Trim())) return new("url", LinkPrefill.NotAWebAddress);
        if (string.IsNullOrWhiteSpace(request.Section))
            return new("section", ChooseASection);
        if (TextField.EntryTitle.Problem(request.Title) is { } title) return new("title", title);
        if (TextField.EntryDescription.Problem(request.Description) is { } description)
            return new("description", description);
        if (TextField.Reason.Problem(request.Why, "Why") is { } why) return new("why", why);
        return null;
    }

    private static async Task<EntryLocation?> InTheListAsync(PortalDbContext db, string normalized,
        CancellationToken ct) =>
        (await SameAddress.Holders(db, [normalized]).ToListAsync(ct)).FirstOrDefault(e => !e.Retired);

    private static Task<Suggestion?> PendingAsync(PortalDbContext db, string normalized, CancellationToken ct) =>
        db.Suggestions.Include(s => s.Members)
            .SingleOrDefaultAsync(s => s.NormalizedUrl == normalized && s.State == SuggestionState.Pending, ct);

    /// <summary>How long until the account may suggest again; null when it may now.</summary>
    private async Task<TimeSpan?> WaitAsync(PortalDbContext db, string userId, CancellationToken ct)
    {
        var hourAgo = time.GetUtcNow().AddHours(-1);
        var recent = await db.SuggestionMembers.Where(m => m.UserId == userId && m.AddedAt > hourAgo)
            .OrderByDescending(m => m.AddedAt).Select(m => m.AddedAt).Take(options.Value.PerHour).ToListAsync(ct);
        if (recent.Count < options.Value.PerHour) return null;
        // "Now" read after the rows were: every row seen was stamped before it, so the wait is within the hour.
        var wait = recent[^1].AddHours(1) - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    private async Task<SuggestOutcome> AddNameAsync(PortalDbContext db, Suggestion pending, string userId,
        CancellationToken ct)
    {
        var described = SuggestionCheck.Describe(pending.CheckOutcome, pending.CheckFinalUrl);
        if (pending.Members.All(m => m.UserId != userId))
        {
            if (await WaitAsync(db, userId, ct) is { } wait) return new SuggestOutcome.TooMany(wait);
            // Two clicks at once by the same member meet the unique index; the second adds nothing.
            await db.Database.ExecuteSqlAsync($"""
                insert into suggestion_members (suggestion_id, user_id, added_at)
                values ({pending.Id}, {userId}, {time.GetUtcNow()}) on conflict do nothing
                """, ct);
        }
        var people = await db.SuggestionMembers.CountAsync(m => m.SuggestionId == pending.Id, ct);
        return new SuggestOutcome.NameAdded(pending.Id, people, described);
    }

    private Suggestion NewSuggestion(SuggestionRequest request, string url, string normalized, int sectionId,
        LinkCheckResult check, string userId)
    {
        var now = time.GetUtcNow();
        var pageTitle = Whitespace.CollapseOrNull(check.Page?.OgTitle) ?? Whitespace.CollapseOrNull(check.Page?.Title);
        if (pageTitle is not null && TextField.EntryTitle.Problem(pageTitle) is not null) pageTitle = null;
        return new Suggestion
        {
            Url = url, NormalizedUrl = normalized, SectionId = sectionId,
            // The page's own title fills a title left empty.
            Title = Whitespace.CollapseOrNull(request.Title) ?? pageTitle,
            Description = Whitespace.CollapseOrNull(request.Description),
            Why = Whitespace.CollapseOrNull(request.Why),
            CheckOutcome = check.Outcome, CheckStatus = check.Status,
            CheckFinalUrl = check.Outcome == LinkOutcome.Redirected ? check.FinalUrl : null,
            PageTitle = pageTitle, State = SuggestionState.Pending, CreatedAt = now,
            Members = [new SuggestionMember { UserId = userId, AddedAt = now }],
        };
    }
}
