using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>Writes the history row of a change, in the same transaction as the change itself.</summary>
internal static class ContentHistory
{
    public static void Entry(PortalDbContext db, EditorIdentity editor, DateTimeOffset at, string action, string summary,
        long entryId, int sectionId, EntrySnapshot? before, EntrySnapshot? after) =>
        db.ContentChanges.Add(new ContentChange
        {
            At = at, UserId = editor.UserId, UserName = editor.UserName, Subject = ChangeSubject.Entry,
            EntryId = entryId, SectionId = sectionId, Action = action, Summary = summary,
            Before = before is null ? null : SnapshotJson.Write(before),
            After = after is null ? null : SnapshotJson.Write(after),
        });

    public static void Section(PortalDbContext db, EditorIdentity editor, DateTimeOffset at, string action, string summary,
        int sectionId, SectionSnapshot? before, SectionSnapshot? after) =>
        db.ContentChanges.Add(new ContentChange
        {
            At = at, UserId = editor.UserId, UserName = editor.UserName, Subject = ChangeSubject.Section,
            SectionId = sectionId, Action = action, Summary = summary,
            Before = before is null ? null : SnapshotJson.Write(before),
            After = after is null ? null : SnapshotJson.Write(after),
        });

    /// <summary>How an entry is named in summaries: its title, or the start of its text.</summary>
    public static string Name(Entry entry)
    {
        var text = entry.Title ?? entry.Markdown;
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
