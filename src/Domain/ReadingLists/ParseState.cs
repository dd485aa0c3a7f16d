using ContainerNetLib.Domain.Text;
using Markdig.Syntax;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// The parser's walk over one slice of the document: hands each of the slice's first
/// <paramref name="ownedLines"/> lines to exactly one owner. Lines after those (link reference
/// definitions appended from other slices) are read by Markdig but owned by no one here.
/// Sections come out flat, in order; <see cref="ReadingListParser"/> builds the tree.
/// </summary>
internal sealed class ParseState(SourceLines source, int ownedLines, int lineOffset)
{
    private readonly List<(EntryNode Entry, Func<List<ParseWarning>, EntryFields> Read)> _pendingFields = [];
    private int _cursor;
    private bool _sectionHasEntries;

    public string Preamble { get; private set; } = "";
    public List<SectionNode> Sections { get; } = [];
    public List<ParseWarning> Warnings { get; } = [];
    public SectionNode? Current { get; private set; }

    /// <summary>Every link in the slice's text, for the <see cref="LinkCensus"/>.</summary>
    public List<SeenLink> Seen { get; set; } = [];

    /// <summary>The links of the blocks read as passages, so the census does not parse their HTML a second time.
    /// </summary>
    public Dictionary<Block, List<FoundLink>> LinksRead { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The slice's lines of the headings that began sections (a table above a "---" line is none).</summary>
    public List<int> HeadingLines { get; } = [];
    public int OwnedLines => ownedLines;

    public void Warn(int zeroBasedLine, string message) =>
        Warnings.Add(new ParseWarning(zeroBasedLine + lineOffset + 1, message));

    public void StartSection(HeadingBlock heading)
    {
        AppendToContext(TakeUntil(heading.Line));
        var end = Math.Max(heading.Line, source.LineOf(heading.Span.End));
        var section = new SectionNode
        {
            Title = InlineText.Plain(heading.Inline),
            Level = heading.Level,
            HeadingMarkdown = Take(heading.Line, end + 1),
            Line = heading.Line + lineOffset + 1,
        };
        if (section.Title.Length == 0)
            Warn(heading.Line, "heading without text: its section is titled \"Untitled\"");
        if (section.Title.Length == 0) section.Title = "Untitled";

        Sections.Add(section);
        HeadingLines.Add(heading.Line);
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

    public void Finish() => AppendToContext(TakeUntil(ownedLines));

    private void AddItem(ListItemBlock item, EntryNode? parent, List<EntryNode> siblings)
    {
        if (item.Line >= ownedLines) return;
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
        ownEnd = Math.Min(ownEnd, ownedLines - 1);

        var entry = new EntryNode { Line = item.Line + lineOffset + 1 };
        SplitBullet(entry, source.Line(item.Line), item.Line);
        if (ownEnd > item.Line) entry.Markdown += "\n" + Take(item.Line + 1, ownEnd + 1)[..^1];
        if (entry.Markdown.Length > TextField.EntryMarkdown.MaxLength)
            throw new RefusedMarkdownException(new LineProblem(entry.Line, $"an entry of {entry.Markdown.Length:N0} " +
                $"characters, more than the limit of {TextField.EntryMarkdown.MaxLength:N0}"));
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
        var paragraph = first as ParagraphBlock;
        var later = children ? item.Skip(1).Where(b => b is not ListBlock).ToList() : [];
        _pendingFields.Add((entry, w => WithLaterLinks(EntryFieldReader.Read(paragraph, entry.Children.Count > 0,
            entry.Line, w), later, entry.Line, w)));
    }

    /// <summary>Links in a bullet's later paragraphs or quotes ("> Template - [nuget package](url)") are the entry's
    /// too, beside the ones its first line's conventions read.</summary>
    private static EntryFields WithLaterLinks(EntryFields fields, List<Block> later, int line,
        List<ParseWarning> warnings)
    {
        if (later.Count == 0) return fields;
        var links = later.SelectMany(b => BlockLinks.In(b, line, warnings)).Where(l => !l.IsNavigation)
            .Select(l => new EntryLink(l.Url, l.Text, LinkRole.Related)).ToList();
        return links.Count == 0 ? fields : fields with { Links = [.. fields.Links, .. links] };
    }

    /// <summary>A table's rows as entries, the header and delimiter rows kept as the first row's leading text.
    /// </summary>
    public void AddTable(int firstLine, ParsedTable table)
    {
        var header = firstLine + table.HeaderLine;
        foreach (var row in table.Rows)
        {
            var line = firstLine + row.Line;
            if (line >= ownedLines) return;
            var entry = AddWholeLines(line, line, EntryShape.TableRow, leadFrom: header);
            if (entry is null) continue;
            _pendingFields.Add((entry, w => TableEntries.Read(table, row, entry.Line, w)));
        }
    }

    /// <summary>A paragraph, block quote or HTML block with links, as one entry (see <see cref="PassageEntry"/>).
    /// </summary>
    public void AddPassage(Block block)
    {
        if (block.Line >= ownedLines || block.Line < _cursor) return;
        var last = Math.Max(block.Line, source.LineOf(Math.Max(block.Span.Start, block.Span.End)));
        var warnings = new List<ParseWarning>();
        var reading = BlockLinks.Read(block, block.Line + lineOffset + 1, warnings);
        LinksRead[block] = reading.Links;
        var fields = PassageEntry.Read(block, reading);
        Warnings.AddRange(warnings);
        if (fields is null) return;
        var length = source.Join(block.Line, Math.Min(last, ownedLines - 1) + 1).Length;
        if (length > TextField.PassageMarkdown.MaxLength)
        {
            Warn(block.Line, $"a passage of {length:N0} characters, more than the limit of " +
                $"{TextField.PassageMarkdown.MaxLength:N0}, is kept as the section's text; its links are not checked");
            return;
        }
        var entry = AddWholeLines(block.Line, last, EntryShape.Passage);
        if (entry is not null) entry.Fields = fields;
    }

    /// <summary>Lines [first, last] as one entry of the current section, written back as they are. The lines from
    /// <paramref name="leadFrom"/> on are the entry's leading text even when it opens the section: a table's first
    /// row holds its header and delimiter lines, so the section's introduction is only the author's prose.</summary>
    private EntryNode? AddWholeLines(int first, int last, EntryShape shape, int leadFrom = int.MaxValue)
    {
        if (first < _cursor)
        {
            Warn(first, "a block inside the text before it is kept as that text");
            return null;
        }
        if (!_sectionHasEntries && leadFrom < first) Current!.IntroMarkdown += TakeUntil(leadFrom);
        var gap = TakeUntil(first);
        last = Math.Min(last, ownedLines - 1);
        var entry = new EntryNode
        {
            Shape = shape, Indent = "", Marker = "", Line = first + lineOffset + 1,
            Markdown = Take(first, last + 1)[..^1],
        };
        if (shape == EntryShape.TableRow && entry.Markdown.Length > TextField.EntryMarkdown.MaxLength)
            throw new RefusedMarkdownException(new LineProblem(entry.Line, $"a table row of " +
                $"{entry.Markdown.Length:N0} characters, more than the limit of " +
                $"{TextField.EntryMarkdown.MaxLength:N0}"));
        if (_sectionHasEntries || leadFrom < first) entry.LeadingMarkdown = gap;
        else Current!.IntroMarkdown += gap;
        _sectionHasEntries = true;
        Current!.Entries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Reads every entry's fields from its bullet. Each entry is independent of the others, so
    /// this runs in parallel; warnings are merged back in line order.
    /// </summary>
    public void ReadFields()
    {
        var warnings = new List<ParseWarning>?[_pendingFields.Count];
        Parallel.For(0, _pendingFields.Count, i =>
        {
            var (entry, read) = _pendingFields[i];
            var local = new List<ParseWarning>();
            entry.Fields = read(local);
            if (local.Count > 0) warnings[i] = local;
        });
        foreach (var list in warnings)
        {
            if (list is not null) Warnings.AddRange(list);
        }
        var ordered = Warnings.OrderBy(w => w.Line).ToList();  // stable: same-line warnings keep their order
        Warnings.Clear();
        Warnings.AddRange(ordered);
        _pendingFields.Clear();
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
        if (Current is null) Preamble += text;
        else if (_sectionHasEntries) Current.OutroMarkdown += text;
        else Current.IntroMarkdown += text;
    }

    private string TakeUntil(int line) => Take(_cursor, Math.Max(_cursor, Math.Min(line, ownedLines)));

    private string Take(int from, int to)
    {
        var text = source.Join(from, to);
        _cursor = Math.Max(_cursor, to);
        return text;
    }
}
