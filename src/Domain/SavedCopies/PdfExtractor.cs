using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Entities;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>A PDF's text through PdfPig, page by page in reading order; lines joined into paragraphs at blank
/// lines.</summary>
public static class PdfExtractor
{
    public static PageExtract FromPdf(byte[] body, int maxTextChars)
    {
        try
        {
            using var pdf = PdfDocument.Open(body);
            var paragraphs = new List<string>();
            foreach (var page in pdf.GetPages())
                paragraphs.AddRange(Paragraphs(ContentOrderTextExtractor.GetText(page)));
            var text = string.Join("\n\n", paragraphs);
            if (text.Length == 0) return PageExtract.Refused(SavedCopyKind.Pdf, CopyRefusalReason.Unreadable);
            var (kept, truncated) = PageExtractor.Cut(text, maxTextChars);
            var info = pdf.Information;
            return new PageExtract(SavedCopyKind.Pdf,
                PageExtractor.Short(PageExtractor.Clean(info.Title), 1000),
                PageExtractor.Short(PageExtractor.Clean(info.Author), 500),
                info.GetCreatedDateTimeOffset()?.ToUniversalTime(), null, kept, truncated);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig throws its own types (and plain ones) for damaged, encrypted or unsupported files alike.
            return PageExtract.Refused(SavedCopyKind.Pdf, CopyRefusalReason.Unreadable);
        }
    }

    private static IEnumerable<string> Paragraphs(string pageText)
    {
        var lines = new List<string>();
        foreach (var line in pageText.Split('\n').Select(l => l.Trim()).Append(""))
        {
            if (line.Length > 0)
            {
                lines.Add(line);
                continue;
            }
            if (lines.Count == 0) continue;
            yield return Whitespace.Collapse(string.Join(' ', lines));
            lines.Clear();
        }
    }
}
