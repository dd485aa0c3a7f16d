using System.Text.RegularExpressions;
using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>The two documented round-trip normalisations, and helpers to compare parsed trees.</summary>
public static partial class RoundTrip
{
    /// <summary>Trailing white space removed from each line; runs of blank lines collapsed to one.</summary>
    public static string Normalize(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd());
        return BlankRuns().Replace(string.Join('\n', lines), "\n\n");
    }

    public static IEnumerable<string> SectionShape(ListDocument document)
    {
        IEnumerable<string> Walk(SectionNode s, string path) =>
            new[] { $"{path}/{s.Title}" }.Concat(s.Children.SelectMany(c => Walk(c, $"{path}/{s.Title}")));
        return document.Sections.SelectMany(s => Walk(s, ""));
    }

    public static IEnumerable<string> EntryShape(ListDocument document)
    {
        IEnumerable<string> Entries(EntryNode e, string path) =>
            new[] { $"{path}>{e.Markdown.Trim()}" }.Concat(e.Children.SelectMany(c => Entries(c, $"{path}>{e.Markdown.Trim()}")));
        IEnumerable<string> Walk(SectionNode s) =>
            s.Entries.SelectMany(e => Entries(e, s.Title)).Concat(s.Children.SelectMany(Walk));
        return document.Sections.SelectMany(Walk);
    }

    public static IEnumerable<EntryNode> AllEntries(ListDocument document)
    {
        IEnumerable<EntryNode> Entries(EntryNode e) => new[] { e }.Concat(e.Children.SelectMany(Entries));
        IEnumerable<EntryNode> Walk(SectionNode s) => s.Entries.SelectMany(Entries).Concat(s.Children.SelectMany(Walk));
        return document.Sections.SelectMany(Walk);
    }

    public static IEnumerable<SectionNode> AllSections(ListDocument document)
    {
        IEnumerable<SectionNode> Walk(SectionNode s) => new[] { s }.Concat(s.Children.SelectMany(Walk));
        return document.Sections.SelectMany(Walk);
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();
}
