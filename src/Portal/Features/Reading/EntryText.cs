using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Portal.Features.Reading;

/// <summary>An entry's bullet for display: the date is shown apart, in a time element.</summary>
public static class EntryText
{
    public static string WithoutDate(EntryView entry) =>
        entry.Date is null ? entry.Markdown : EntryFieldReader.WithoutDatePrefix(entry.Markdown);
}
