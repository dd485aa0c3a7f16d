namespace ContainerNetLib.Portal.Features.Api.Writes;

public sealed record AuthorInput(string? Name, string? Url);

/// <summary>A new entry: the page's own title and description fill what is left out.</summary>
public sealed record NewEntryRequest(
    string? Url, string? Section, long? Parent, string? Title, string? Description, DateOnly? Published,
    IReadOnlyList<AuthorInput>? Authors, bool AllowDuplicate = false);

/// <summary>
/// A change to an entry: its whole Markdown, as the editor page edits it (its fields are read from the Markdown, so
/// nothing the fields cannot hold, such as a link in the description, is lost). A new address already in the list
/// answers 409 unless allowDuplicate is true.
/// </summary>
public sealed record EntryPatchRequest(string? Markdown, bool AllowDuplicate = false);

/// <summary>An entry after a write: where it is and the version a next change starts from (also its ETag).</summary>
public sealed record WrittenEntry(long Id, uint Version, string Address);

/// <summary>An entry already in the list under the same URL (once normalised).</summary>
public sealed record ExistingEntry(long Id, string Title, string Section, bool Retired, string Address);
