namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// The source as lines, with offset-to-line lookup for Markdig's spans. Lines are cut from the
/// text on demand: a 16 MB list is not held twice.
/// </summary>
internal sealed class SourceLines
{
    private readonly int[] _starts;

    public SourceLines(string text)
    {
        Text = text;
        EndsWithNewline = text.Length == 0 || text[^1] == '\n';
        var starts = new List<int>(text.Length / 40) { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts.Add(i + 1);
        // A final '\n' ends the last line; it does not start an empty one.
        if (EndsWithNewline && starts.Count > 1) starts.RemoveAt(starts.Count - 1);
        if (text.Length == 0) starts.Clear();
        _starts = starts.ToArray();
    }

    public string Text { get; }
    public bool EndsWithNewline { get; }
    public int Count => _starts.Length;

    public string Line(int index) => Text.Substring(_starts[index], LineLength(index));

    public int LineLength(int index) =>
        (index + 1 < _starts.Length ? _starts[index + 1] - 1 : EndsWithNewline ? Text.Length - 1
            : Text.Length) - _starts[index];

    public int LineOf(int offset)
    {
        var i = Array.BinarySearch(_starts, offset);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }

    /// <summary>Lines [from, to) as one slice, each ending in '\n'.</summary>
    public string Join(int from, int to)
    {
        if (from >= to) return "";
        var start = _starts[from];
        var end = to < _starts.Length ? _starts[to] : Text.Length;
        var slice = Text.Substring(start, end - start);
        return slice.Length > 0 && slice[^1] == '\n' ? slice : slice + "\n";
    }
}
