using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Urls;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Portal.Features.Reading;
using Microsoft.EntityFrameworkCore;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Features.Api.Writes;

/// <summary>
/// The write API's rules over the editors' own operations: the same adding (Markdown, duplicate check, the page's
/// details through the SSRF guard), the same conflict check on save, the same retiring; answers as HTTP results.
/// </summary>
public sealed class ApiEntryWrites(
    EntryEditing editing, LinkPrefill prefill, IDbContextFactory<PortalDbContext> databases)
{
    public async Task<IResult> AddAsync(NewEntryRequest request, EditorIdentity editor, HttpResponse response,
        CancellationToken ct)
    {
        if (Problems(request) is { Count: > 0 } problems) return ApiProblems.BadRequest(string.Join(" ", problems));
        var url = request.Url!.Trim();
        await using (var db = await databases.CreateDbContextAsync(ct))
        {
            var sectionId = await db.Sections.Where(s => s.Slug == request.Section!.Trim())
                .Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
            if (sectionId is null)
                return ApiProblems.BadRequest(
                    $"There is no section \"{request.Section}\"; GET /api/sections lists their slugs.");
            // Early, before the page is fetched for nothing; the add itself checks again under its lock.
            if (!request.AllowDuplicate && await editing.FindByUrlAsync(url, ct: ct) is { Count: > 0 } existing)
                return Duplicate(existing);
            var filled = await FillFromPageAsync(request, url, ct);
            if (string.IsNullOrWhiteSpace(filled.Title))
                return ApiProblems.BadRequest(
                    $"Give the entry a title: the page did not offer one. {filled.Problem}".Trim());
            var markdown = NewEntryText.Compose(filled.Published, filled.Title, url,
                (filled.Authors ?? []).Select(a => (a.Name, a.Url)), filled.Description);
            // Each field is within its limit; together, with what the page filled in, they must make one entry.
            if (TextField.EntryMarkdown.Problem(markdown, "The entry written as Markdown") is { } tooMuch)
                return ApiProblems.BadRequest(tooMuch);
            var outcome = await editing.AddAsync(sectionId.Value, request.Parent, markdown, editor, ct,
                request.AllowDuplicate);
            return Answer(outcome, response, StatusCodes.Status201Created);
        }
    }

    public async Task<IResult> UpdateAsync(long id, uint version, EntryPatchRequest request, EditorIdentity editor,
        HttpResponse response, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Markdown))
            return ApiProblems.BadRequest(
                "Send the entry's new Markdown in \"markdown\": one bullet's text on one line.");
        if (TextField.EntryMarkdown.Problem(request.Markdown, "\"markdown\"") is { } problem)
            return ApiProblems.BadRequest(problem);
        var outcome = await editing.UpdateAsync(id, version, request.Markdown, editor, ct, request.AllowDuplicate);
        return Answer(outcome, response, StatusCodes.Status200OK, id);
    }

    public async Task<IResult> RetireAsync(long id, EditorIdentity editor, HttpResponse response,
        CancellationToken ct) =>
        Answer(await editing.RetireAsync(id, editor, ct), response, StatusCodes.Status200OK, id,
            StatusCodes.Status409Conflict, StatusCodes.Status409Conflict);

    public async Task<IResult> UnretireAsync(long id, EditorIdentity editor, HttpResponse response,
        CancellationToken ct) =>
        Answer(await editing.UnretireAsync(id, editor, ct), response, StatusCodes.Status200OK, id,
            StatusCodes.Status409Conflict, StatusCodes.Status409Conflict);

    /// <summary>Every reason the request cannot be used, each a sentence naming its field; the text rule and the
    /// limits first, so that nothing the list cannot hold reaches a lookup, the page fetch or the database.</summary>
    private static List<string> Problems(NewEntryRequest request)
    {
        var problems = new List<string>();
        void Check(TextField field, string? value, string name)
        {
            if (field.Problem(value, $"\"{name}\"") is { } problem) problems.Add(problem);
        }
        Check(TextField.WebAddress, request.Url, "url");
        Check(TextField.SectionSlug, request.Section, "section");
        Check(TextField.EntryTitle, request.Title, "title");
        Check(TextField.EntryDescription, request.Description, "description");
        var authors = request.Authors ?? [];
        for (var i = 0; i < authors.Count; i++)
        {
            Check(TextField.AuthorName, authors[i]?.Name, $"authors[{i}].name");
            Check(TextField.WebAddress, authors[i]?.Url, $"authors[{i}].url");
        }
        if (problems.Count > 0) return problems;

        if (!UrlNormalizer.IsWebAddress(request.Url))
            problems.Add("\"url\" must be a full web address starting with http:// or https://.");
        if (string.IsNullOrWhiteSpace(request.Section))
            problems.Add("\"section\" must name a section by its slug (see GET /api/sections).");
        foreach (var author in authors)
        {
            if (author is null || string.IsNullOrWhiteSpace(author.Name))
                problems.Add("Every author needs a \"name\".");
            else if (!string.IsNullOrWhiteSpace(author.Url) && !UrlNormalizer.IsWebAddress(author.Url))
                problems.Add($"The page of {author.Name} must be a web address starting with http:// or https://.");
        }
        return problems;
    }

    /// <summary>As the add page's "Fetch details": what the request says wins over what the page says.</summary>
    private async Task<Filled> FillFromPageAsync(NewEntryRequest request, string url, CancellationToken ct)
    {
        var filled = new Filled(request.Title, request.Description, request.Published, request.Authors, null);
        if (!string.IsNullOrWhiteSpace(request.Title) && !string.IsNullOrWhiteSpace(request.Description)) return filled;
        var page = await prefill.FetchAsync(url, ct);
        return new Filled(
            string.IsNullOrWhiteSpace(request.Title) ? page.Title : request.Title,
            string.IsNullOrWhiteSpace(request.Description) ? page.Description : request.Description,
            request.Published ?? page.Date,
            request.Authors is { Count: > 0 } || page.Author is null
                ? request.Authors
                : [new AuthorInput(page.Author, null)],
            page.Problem);
    }

    private sealed record Filled(
        string? Title, string? Description, DateOnly? Published, IReadOnlyList<AuthorInput>? Authors, string? Problem);

    private static IResult Duplicate(IReadOnlyList<EntryLocation> existing)
    {
        var entries = existing.Select(e => new ExistingEntry(e.Id, e.Title, e.SectionTitle, e.Retired,
            e.Retired ? $"/api/entries/{e.Id}" : ReaderLinks.Entry(e.SectionSlug, e.Id))).ToList();
        return ApiProblems.Problem(StatusCodes.Status409Conflict, "Already in the list",
            $"This address is already in the list at {entries[0].Address}. "
            + "Send \"allowDuplicate\": true to add it anyway.",
            new() { ["existing"] = entries });
    }

    /// <param name="overtaken">412 where the client sent the version it read (If-Match), 409 where it did not and
    /// another save landed at the same moment.</param>
    private static IResult Answer(EditOutcome outcome, HttpResponse response, int success, long id = 0,
        int invalid = StatusCodes.Status400BadRequest, int overtaken = StatusCodes.Status412PreconditionFailed)
    {
        switch (outcome)
        {
            case EditOutcome.Saved saved:
                response.Headers.ETag = EntryVersion.ETag(saved.Version);
                var written = new WrittenEntry(saved.Id, saved.Version, $"/api/entries/{saved.Id}");
                return success == StatusCodes.Status201Created
                    ? TypedResults.Created(written.Address, written)
                    : TypedResults.Ok(written);
            case EditOutcome.Conflict conflict:
                response.Headers.ETag = EntryVersion.ETag(conflict.CurrentVersion);
                var who = $"{conflict.ChangedBy ?? "unknown"}, {conflict.ChangedAt:yyyy-MM-dd HH:mm}";
                // Only PATCH takes If-Match; a retire or restore that met another save is simply tried again.
                var detail = overtaken == StatusCodes.Status412PreconditionFailed
                    ? $"Someone saved this entry after the version you sent ({who}). Merge with the current "
                        + $"Markdown and send it with If-Match: {EntryVersion.ETag(conflict.CurrentVersion)}."
                    : $"Someone saved this entry at the same moment ({who}). Try again.";
                return ApiProblems.Problem(overtaken, "Changed since you read it", detail,
                    new()
                    {
                        ["currentVersion"] = conflict.CurrentVersion, ["currentMarkdown"] = conflict.CurrentMarkdown,
                    });
            case EditOutcome.Duplicate duplicate:
                return Duplicate(duplicate.Existing);
            case EditOutcome.NotFound:
                return ApiProblems.NotFound(id);
            case EditOutcome.Invalid bad:
                var title = invalid == StatusCodes.Status409Conflict ? "Nothing to change" : "The request cannot be " +
                    "used";
                return ApiProblems.Problem(invalid, title, bad.Message);
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome}");
        }
    }
}
