using Markdig.Syntax;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>The parser's walk over the document: hands each line to exactly one owner.</summary>
internal sealed class ParseState(SourceLines source)
{
    private readonly Stack<SectionNode> _open = new();
    private int _cursor;
    private bool _sectionHasEntries;

    public ListDocument Document { get; } = new() { EndsWithNewline = source.EndsWithNewline };
    public List<ParseWarning> Warnings { get; } = [];
    public SectionNode? Current { get; private set; }

    public void Warn(int zeroBasedLine, string message) => Warnings.Add(new ParseWarning(zeroBasedLine + 1, message));

    public void StartSection(HeadingBlock heading)
    {
        AppendToContext(TakeUntil(heading.Line));
        var end = Math.Max(heading.Line, source.LineOf(heading.Span.End));
        var section = new SectionNode
        {
            Title = InlineText.Plain(heading.Inline),
            Level = heading.Level,
            HeadingMarkdown = Take(heading.Line, end + 1),
            Line = heading.Line + 1,
        };
        if (section.Title.Length == 0)
            Warn(heading.Line, "heading without text: its section is titled \"Untitled\"");
        if (section.Title.Length == 0) section.Title = "Untitled";

        while (_open.Count > 0 && _open.Peek().Level >= section.Level) _open.Pop();
        (_open.Count > 0 ? _open.Peek().Children : Document.Sections).Add(section);
        _open.Push(section);
        Current = section;
        _sectionHasEntries = false;
    }

    public void AddItems(ListBlock list, EntryNode? parent, List<EntryNode> siblings)
    {
        foreach (var block in list)
        {
            if (block is ListItemBlock item) AddItem(item, parent, siblings);
        }
    }

    public void Finish() => AppendToContext(TakeUntil(source.Count));

    private void AddItem(ListItemBlock item, EntryNode? parent, List<EntryNode> siblings)
    {
        if (item.Line < _cursor)
        {
            // Already owned by the item before it (a lazy continuation Markdig read otherwise);
            // an entry here would write those lines twice.
            Warn(item.Line, "list item inside its predecessor's text is kept as that text");
            return;
        }
        var gap = TakeUntil(item.Line);
        var first = item.Count > 0 ? item[0] : null;
        var ownEnd = item.Line;
        var children = true;
        if (first is ListBlock && first.Line == item.Line)
        {
            // "* * text": the nested list shares the bullet's line; keep the whole item as written.
            ownEnd = source.LineOf(item.Span.End);
            children = false;
            Warn(item.Line, "a list that starts on its parent's bullet line is kept as the parent's text");
        }
        else if (first is not null and not ListBlock)
        {
            ownEnd = Math.Max(item.Line, source.LineOf(first.Span.End));
        }

        var entry = new EntryNode { Line = item.Line + 1 };
        SplitBullet(entry, source.Lines[item.Line], item.Line);
        if (ownEnd > item.Line) entry.Markdown += "\n" + Take(item.Line + 1, ownEnd + 1)[..^1];
        _cursor = ownEnd + 1;

        if (_sectionHasEntries) entry.LeadingMarkdown = gap;
        else Current!.IntroMarkdown += gap;
        _sectionHasEntries = true;
        siblings.Add(entry);

        if (children)
        {
            foreach (var child in item)
            {
                if (child is ListBlock nested) AddItems(nested, entry, entry.Children);
            }
        }
        entry.Fields = EntryFieldReader.Read(first as ParagraphBlock, entry.Children.Count > 0, entry.Line, Warnings);
    }

    private void SplitBullet(EntryNode entry, string line, int lineIndex)
    {
        var match = ReadingListParser.BulletPrefix().Match(line);
        if (!match.Success)
        {
            Warn(lineIndex, "list item without a recognisable bullet is kept as written");
            entry.Indent = "";
            entry.Marker = "";
            entry.Markdown = line;
            return;
        }
        entry.Indent = match.Groups[1].Value;
        entry.Marker = match.Groups[2].Value + match.Groups[3].Value;
        entry.Markdown = line[match.Length..];
    }

    private void AppendToContext(string text)
    {
        if (text.Length == 0) return;
        if (Current is null) Document.Preamble += text;
        else if (_sectionHasEntries) Current.OutroMarkdown += text;
        else Current.IntroMarkdown += text;
    }

    private string TakeUntil(int line) => Take(_cursor, Math.Max(_cursor, line));

    private string Take(int from, int to)
    {
        var text = source.Join(from, to);
        _cursor = Math.Max(_cursor, to);
        return text;
    }
}
