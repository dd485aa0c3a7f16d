using System.Text.RegularExpressions;

namespace ContainerNetLib.Portal.Features.Reading;

/// <summary>An entry's bullet for display: the date is shown apart, in a time element.</summary>
public static partial class EntryText
{
    public static string WithoutDate(EntryView entry) =>
        entry.Date is null ? entry.Markdown : DatePrefix().Replace(entry.Markdown, "", 1);

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}:\s*")]
    private static partial Regex DatePrefix();
}
