using System.Text.Json;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Importer.Cli;

namespace ContainerNetLib.Importer.Commands;

internal static class ImportReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Json(ImportSummary s) => JsonSerializer.Serialize(new
    {
        s.Counts.Sections,
        s.Counts.Entries,
        s.Counts.TopLevelEntries,
        s.Counts.Links,
        s.Counts.DistinctUrls,
        s.Counts.DatedEntries,
        s.Added,
        s.Changed,
        s.Removed,
        s.Unchanged,
        Warnings = s.Warnings.Select(w => new { w.Line, w.Message }),
        s.SectionChanges,
        s.DryRun,
    }, Options);

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
        if (s.DryRun) console.Out.WriteLine("Dry run: nothing was written.");
        foreach (var w in s.Warnings) console.Out.WriteLine($"warning: line {w.Line}: {w.Message}");
    }
}
