using System.Security.Cryptography;
using System.Text;

namespace ContainerNetLib.Domain.Importing;

/// <summary>
/// The fingerprint of an entry's content: every field the parser reads from the bullet, the
/// bullet's formatting, and its links. Equal fingerprints mean there is nothing to write.
/// Whoever changes an entry's content (importer, editors) stores the new fingerprint with it.
/// </summary>
internal static class ContentHash
{
    public static byte[] Of(EntryRow row)
    {
        var text = new StringBuilder(256 + row.Markdown.Length);
        void Add(string? value) => text.Append(value ?? "\u0001").Append('\u0000');
        Add(row.Markdown);
        Add(row.Indent);
        Add(row.Marker);
        Add(row.LeadingMarkdown);
        Add(row.Kind.ToString());
        Add(row.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add(row.Title);
        Add(row.Url);
        Add(row.NormalizedUrl);
        Add(row.Description);
        Add(row.AuthorsJson);
        Add(string.Join('\u0002', row.AuthorKeys));
        // Only when not a bullet, so every bullet's fingerprint stays what it was before tables and passages.
        if (row.Shape != ReadingLists.EntryShape.Bullet)
        {
            Add(row.Shape.ToString());
            Add(row.CellsJson);
        }
        foreach (var link in row.Links)
        {
            Add(link.Url);
            Add(link.NormalizedUrl);
            Add(link.Text);
            Add(link.Role.ToString());
        }
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
