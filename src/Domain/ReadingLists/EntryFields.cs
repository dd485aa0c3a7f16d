namespace ContainerNetLib.Domain.ReadingLists;

public enum EntryKind
{
    /// <summary>A link to something to read: the usual entry.</summary>
    Link,
    /// <summary>A person bullet ("[Jon Langemak](url) on [github](url)") whose children are that person's
    /// posts.</summary>
    Person,
    /// <summary>A plain label ("Container Networking Performance:") that groups its children.</summary>
    Group,
    /// <summary>Prose with no link, such as a tip ("Use `iptables-save` to see the complete picture.").</summary>
    Note,
}

public enum LinkRole
{
    Primary,
    Author,
    Related,
}

public sealed record EntryLink(string Url, string Text, LinkRole Role);

public sealed record Author(string Name, string? Url, IReadOnlyList<string> Profiles)
{
    public bool Equals(Author? other) =>
        other is not null && Name == other.Name && Url == other.Url && Profiles.SequenceEqual(other.Profiles);

    public override int GetHashCode() => HashCode.Combine(Name, Url, Profiles.Count);
}

public sealed record EntryFields(
    EntryKind Kind,
    DateOnly? Date,
    string? Title,
    string? Url,
    IReadOnlyList<Author> Authors,
    string? Description,
    IReadOnlyList<EntryLink> Links)
{
    public static readonly EntryFields Empty = new(EntryKind.Note, null, null, null, [], null, []);

    /// <summary>A table row's cells, the title's included, in the order of the columns; empty for other shapes.
    /// </summary>
    public IReadOnlyList<EntryCell> Cells { get; init; } = [];

    public bool Equals(EntryFields? other) =>
        other is not null && Kind == other.Kind && Date == other.Date && Title == other.Title &&
        Url == other.Url && Description == other.Description &&
        Authors.SequenceEqual(other.Authors) && Links.SequenceEqual(other.Links) && Cells.SequenceEqual(other.Cells);

    public override int GetHashCode() => HashCode.Combine(Kind, Date, Title, Url);
}
