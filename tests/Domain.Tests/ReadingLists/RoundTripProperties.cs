using System.Text;
using ContainerNetLib.Domain.ReadingLists;
using CsCheck;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>Random reading lists: whatever the mix of conventions, export(parse(x)) is x.</summary>
public class RoundTripProperties
{
    private static readonly Gen<string> Word = Gen.OneOf(
        "veth", "bridge", "VXLAN", "Mönchmeyer", "naïve", "日本語", "(parens)", "`ip link`", "*emphasis*", "__strong__",
        "L2/L3", "eBPF:", "co-op", "😀", "&amp;", "x_y", "\"quoted\"", "100%", "by", "and");

    private static readonly Gen<string> Words = Word.Array[1, 5].Select(w => string.Join(' ', w));

    private static readonly Gen<string> Url = Gen.Select(
        Gen.OneOf("https://example.org", "http://blog.example.com", "https://xn--bcher-kva.example"),
        Gen.OneOf("/a", "/wiki/Link_(networking)", "/ünïcode", "/p?id=3&utm_source=x", "/path/", "/a#frag", ""),
        (host, path) => host + path);

    private static readonly Gen<(string Markdown, int Links)> Link = Gen.Select(Words, Url, (text, url) => ($"[{text}]({url})", 1));

    private static readonly Gen<(string Markdown, int Links)> BulletText = Gen.Select(
        Gen.Bool, Gen.Int[2000, 2024], Gen.Int[1, 12], Gen.Int[1, 28], Link, Gen.OneOf(Link.Select(l => (" by " + l.Markdown, 1)), Gen.Const(("", 0))), Words,
        (dated, y, m, d, title, author, description) => (
            (dated ? $"{y:D4}-{m:D2}-{d:D2}: " : "") + title.Markdown + author.Item1 + " " + description,
            title.Links + author.Item2));

    private static readonly Gen<(string Markdown, int Links)> Bullet = Gen.OneOf(BulletText, Words.Select(w => (w, 0)));

    private static Gen<(string Markdown, int Entries, int Links)> List(string indent, int depth) =>
        Gen.Select(Gen.OneOf("* ", "- ", "+ "), Gen.Bool, Gen.Int[1, 4], (marker, loose, count) => (marker, loose, count))
            .SelectMany(p => Item(indent, p.marker, depth).Array[p.count].Select(items =>
            {
                var text = new StringBuilder();
                foreach (var item in items) text.Append(p.loose && text.Length > 0 ? "\n" : "").Append(item.Markdown);
                return (text.ToString(), items.Sum(i => i.Entries), items.Sum(i => i.Links));
            }));

    private static Gen<(string Markdown, int Entries, int Links)> Item(string indent, string marker, int depth) =>
        Bullet.SelectMany(bullet =>
            (depth >= 3 ? Gen.Const(("", 0, 0)) : Gen.OneOf(Gen.Const(("", 0, 0)), List(indent + new string(' ', marker.Length), depth + 1)))
            .Select(children => ($"{indent}{marker}{bullet.Markdown}\n{children.Item1}", 1 + children.Item2, bullet.Links + children.Item3)));

    private static readonly Gen<(string Markdown, int Entries, int Links)> Section = Gen.Select(
        Gen.Int[1, 3], Words, Gen.OneOf(Words.Select(w => w + "\n\n"), Gen.Const(""), Words.Select(w => "> " + w + "\n\n")), List("", 1),
        (level, title, intro, list) => ($"{new string('#', level)} {title}\n\n{intro}{list.Item1}\n", list.Item2, list.Item3));

    private static readonly Gen<(string Markdown, int Entries, int Links)> Document = Section.Array[1, 6].Select(sections =>
        (string.Concat(sections.Select(s => s.Markdown)), sections.Sum(s => s.Entries), sections.Sum(s => s.Links)));

    [Fact]
    public void Random_lists_come_back_exactly_with_every_entry_and_link()
    {
        // Otherwise: some combination of conventions an editor uses loses or rewrites a bullet on export.
        Document.Sample(doc =>
        {
            var parsed = ReadingListParser.Parse(doc.Markdown).Document;
            var entries = RoundTrip.AllEntries(parsed).ToList();
            return ReadingListWriter.Write(parsed) == doc.Markdown
                   && entries.Count == doc.Entries
                   && entries.Sum(e => e.Fields.Links.Count) == doc.Links;
        }, iter: 2000);
    }

    [Fact]
    public void Reparsing_an_export_gives_the_same_tree()
    {
        Document.Sample(doc =>
        {
            var first = ReadingListParser.Parse(doc.Markdown).Document;
            var second = ReadingListParser.Parse(ReadingListWriter.Write(first)).Document;
            return RoundTrip.SectionShape(first).SequenceEqual(RoundTrip.SectionShape(second))
                   && RoundTrip.EntryShape(first).SequenceEqual(RoundTrip.EntryShape(second))
                   && RoundTrip.AllEntries(first).Select(e => e.Fields).SequenceEqual(RoundTrip.AllEntries(second).Select(e => e.Fields));
        }, iter: 1000);
    }
}
