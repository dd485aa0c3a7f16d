namespace ContainerNetLib.Domain.ReadingLists;

internal sealed class TokenCursor(List<InlineToken> tokens)
{
    private static readonly char[] OpeningQuotes = ['"', '“', '„', '«'];
    private static readonly char[] ClosingQuotes = ['"', '”', '“', '»'];
    private int _index;
    private string? _pendingText;

    public InlineToken? Next()
    {
        if (_pendingText is { } pending)
        {
            _pendingText = null;
            return new TextToken(pending);
        }
        return _index < tokens.Count ? tokens[_index++] : null;
    }

    public LinkToken? PeekLink() => _pendingText is null && _index < tokens.Count ? tokens[_index] as LinkToken : null;

    public string TakeTextUntilLink()
    {
        var text = "";
        while (PeekLink() is null && Next() is TextToken t) text += t.Text;
        return text;
    }

    public LinkToken? TakeLink() => PeekLink() is { } link ? (LinkToken)Next()! : null;

    /// <summary>A title in quotes at the start: <c>"Fun with veth-devices ..." by ...</c>.</summary>
    public string? TakeQuotedTitle()
    {
        if (_index >= tokens.Count || tokens[_index] is not TextToken first) return null;
        var text = first.Text.TrimStart();
        if (text.Length == 0 || Array.IndexOf(OpeningQuotes, text[0]) < 0) return null;
        var close = text.IndexOfAny(ClosingQuotes, 1);
        if (close < 0) return null;
        _index++;
        _pendingText = text[(close + 1)..];
        return text[1..close].Trim();
    }

    /// <summary>An apostrophe right after a link: <c>[Solarwinds](url)' Tool</c> or <c>[Docker](url)'s</c>.</summary>
    public bool TakePossessive()
    {
        if (_index >= tokens.Count || tokens[_index] is not TextToken t) return false;
        var text = t.Text;
        var length = text.StartsWith("'s ", StringComparison.Ordinal) || text.StartsWith("’s ",
            StringComparison.Ordinal) ? 3 : text.StartsWith('\'') || text.StartsWith('’') ? 1 : 0;
        if (length == 0) return false;
        _index++;
        _pendingText = text[length..];
        if (_pendingText.Trim().Length == 0) _pendingText = null;
        return true;
    }
}
