using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>Writes the history row of a change, in the same transaction as the change itself.</summary>
internal static class ContentHistory
{
    public static void Entry(PortalDbContext db, EditorIdentity editor, DateTimeOffset at, string action,
        string summary,
        long entryId, int sectionId, EntrySnapshot? before, EntrySnapshot? after) =>
        Add(db, editor, at, action, summary, ChangeSubject.Entry, entryId, sectionId, Json(before), Json(after));

    public static void Section(PortalDbContext db, EditorIdentity editor, DateTimeOffset at, string action,
        string summary,
        int sectionId, SectionSnapshot? before, SectionSnapshot? after) =>
        Add(db, editor, at, action, summary, ChangeSubject.Section, null, sectionId, Json(before), Json(after));

    public static void Exclusion(PortalDbContext db, EditorIdentity editor, DateTimeOffset at, string action,
        string summary, ExclusionSnapshot? before, ExclusionSnapshot? after) =>
        Add(db, editor, at, action, summary, ChangeSubject.Exclusion, null, null, Json(before), Json(after));

    /// <summary>How an entry is named in summaries and lists: its title, or the start of its text.</summary>
    public static string Name(Entry entry) => Name(entry.Title, entry.Markdown);

    public static string Name(string? title, string markdown)
    {
        var text = title ?? markdown;
        return text.Length <= 80 ? text : text[..77] + "...";
    }

    private static string? Json<T>(T? snapshot) where T : class =>
        snapshot is null ? null : SnapshotJson.Write(snapshot);

    private static void Add(PortalDbContext db, EditorIdentity editor, DateTimeOffset at, string action, string summary,
        ChangeSubject subject, long? entryId, int? sectionId, string? before, string? after) =>
        db.ContentChanges.Add(new ContentChange
        {
            At = at, UserId = editor.UserId, UserName = editor.UserName, Subject = subject,
            EntryId = entryId, SectionId = sectionId, Action = action, Summary = summary, Before = before,
            After = after,
        });
}
