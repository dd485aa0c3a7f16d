using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Importing;

/// <summary>What an import found and did. Entry changes are counted in Added/Changed/Removed/Unchanged.</summary>
public sealed record ImportSummary(
    ListCounts Counts,
    int Added,
    int Changed,
    int Removed,
    int Unchanged,
    SectionChanges SectionChanges,
    IReadOnlyList<ParseWarning> Warnings,
    bool DryRun)
{
    /// <summary>Entries by shape, links by place, navigation and unknown links, from the parse.</summary>
    public LinkCensus Census { get; init; } = LinkCensus.Empty;
}

public sealed record SectionChanges(int Added, int Changed, int Removed);

public sealed record ListCounts(int Sections, int Entries, int TopLevelEntries, int Links, int DistinctUrls,
    int DatedEntries);
