using System.Text.Json;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Importer.Cli;

namespace ContainerNetLib.Importer.Commands;

internal static class ImportReport
{
    private const int UnknownShown = 20;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Json(ImportSummary s) => JsonSerializer.Serialize(new
    {
        s.Counts.Sections,
        s.Counts.Entries,
        s.Counts.TopLevelEntries,
        s.Counts.Links,
        s.Counts.DistinctUrls,
        s.Counts.DatedEntries,
        s.Census.EntriesByKind,
        s.Census.LinksByPlace,
        s.Census.NavigationLinks,
        s.Census.NotShownLinks,
        UnknownLinks = s.Census.UnknownLinks.Select(u => new { u.Line, u.Url }),
        s.Added,
        s.Changed,
        s.Removed,
        s.Unchanged,
        Warnings = s.Warnings.Select(w => new { w.Line, w.Message }),
        s.SectionChanges,
        s.DryRun,
    }, Options);

    /// <summary>"1,734 links: 1,690 in table rows, 44 in bullets; 0 not known, 12 navigation, 3 not shown (before
    /// the first heading or in a heading)".</summary>
    internal static string LinksLine(LinkCensus census)
    {
        var places = new[] { ("table", "in table rows"), ("bullet", "in bullets"), ("prose", "in prose"),
            ("html", "in HTML") };
        var parts = places.Select(p => (Count: census.LinksByPlace.GetValueOrDefault(p.Item1), Words: p.Item2))
            .Where(p => p.Count > 0).OrderByDescending(p => p.Count).Select(p => $"{p.Count:N0} {p.Words}").ToList();
        var total = census.LinksByPlace.Values.Sum();
        return $"{total:N0} links: {(parts.Count == 0 ? "none in entries" : string.Join(", ", parts))}; " +
            $"{census.UnknownLinks.Count:N0} not known, {census.NavigationLinks:N0} navigation" +
            (census.NotShownLinks == 0 ? "." : $", {census.NotShownLinks:N0} not shown (before the first heading or " +
                "in a heading).");
    }

    public static void Write(ImportSummary s, string file, CommandContext console)
    {
        var c = s.Counts;
        var verb = s.DryRun ? "Would import" : "Imported";
        console.Out.WriteLine($"{verb} {file}: {c.Sections} sections, {c.Entries} entries ({c.TopLevelEntries} " +
            $"top-level, {c.DatedEntries} dated), {c.Links} links to {c.DistinctUrls} distinct URLs.");
        console.Out.WriteLine($"Entries: {s.Added} added, {s.Changed} changed, {s.Removed} removed, {s.Unchanged} " +
            $"unchanged. " +
                              $"Sections: {s.SectionChanges.Added} added, {s.SectionChanges.Changed} changed, " +
                                  $"{s.SectionChanges.Removed} removed.");
        console.Out.WriteLine(LinksLine(s.Census));
        if (s.DryRun) console.Out.WriteLine("Dry run: nothing was written.");
        foreach (var w in s.Warnings) console.Out.WriteLine($"warning: line {w.Line}: {w.Message}");
        foreach (var u in s.Census.UnknownLinks.Take(UnknownShown))
            console.Out.WriteLine($"not known: line {u.Line}: {u.Url}");
        if (s.Census.UnknownLinks.Count > UnknownShown)
            console.Out.WriteLine(
                $"not known: {s.Census.UnknownLinks.Count - UnknownShown:N0} more (--json lists all).");
    }
}
