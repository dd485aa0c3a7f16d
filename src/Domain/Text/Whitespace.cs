using System.Text.RegularExpressions;

namespace ContainerNetLib.Domain.Text;

/// <summary>Text read from a page (titles, bylines, passages) as one line: every run of white space one space, and
/// nothing the list cannot store (<see cref="TextRule"/>; a PDF's text often carries a NUL).</summary>
public static partial class Whitespace
{
    public static string Collapse(string text) => Runs().Replace(TextRule.Strip(text), " ").Trim();

    /// <summary>Null for nothing but white space.</summary>
    public static string? CollapseOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : Collapse(text);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Runs();
}
