namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>Something the parser kept as text but could not classify; Line is 1-based.</summary>
public sealed record ParseWarning(int Line, string Message);

public sealed record ParseResult(ListDocument Document, IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>Entries by shape, links by place, navigation and unknown links (<see cref="LinkCensus"/>).</summary>
    public LinkCensus Census { get; init; } = LinkCensus.Empty;
}
