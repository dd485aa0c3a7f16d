namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>How one line of a file ends: LF (Unix), CR LF (Windows) or a lone CR (classic Mac OS).</summary>
public enum LineEnding
{
    Lf,
    CrLf,
    Cr,
}

internal static class LineEndingText
{
    public static string Of(LineEnding ending) => ending switch
    {
        LineEnding.CrLf => "\r\n",
        LineEnding.Cr => "\r",
        _ => "\n",
    };
}
