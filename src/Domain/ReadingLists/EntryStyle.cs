namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>Gives a new entry the bullet, indentation and spacing its neighbours already use.</summary>
public static class EntryStyle
{
    public static void Apply(EntryNode entry, SectionNode section, EntryNode? parent)
    {
        var siblings = parent?.Children ?? section.Entries;
        var model = siblings.FirstOrDefault(s => s != entry);
        if (model is not null)
        {
            entry.Indent = model.Indent;
            entry.Marker = model.Marker;
            // A loose list (blank line between bullets) stays loose.
            var loose = siblings.Skip(1).Any(s => s != entry && s.LeadingMarkdown.Length > 0 && s.LeadingMarkdown.Trim().Length == 0);
            entry.LeadingMarkdown = loose && siblings.Count > 0 && siblings[0] != entry ? "\n" : "";
            return;
        }
        if (parent is not null)
        {
            entry.Indent = parent.Indent + new string(' ', parent.Marker.Length);
            entry.Marker = parent.Marker;
            entry.LeadingMarkdown = "";
            return;
        }
        entry.Indent = "";
        entry.Marker = "* ";
        entry.LeadingMarkdown = "";
    }
}
