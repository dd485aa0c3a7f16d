using System.Text;
using System.Text.RegularExpressions;

namespace ContainerNetLib.Bench.Generator;

/// <summary>
/// Saved copies for a synthetic list: the text of every <c>every</c>-th entry's page (at most <c>most</c>), <c>words</c> words in
/// the copy format (headings and paragraphs), as CSV (url, title, text) for PostgreSQL's COPY. The words follow a
/// Zipf law over a vocabulary of 6,000 made-up words and the list's topics, like prose; two marker words make known
/// queries: "latency" is in about 90 % of pages and in no entry, "hairpin" in about 1 % of pages and in no entry.
/// </summary>
public sealed partial class SyntheticCopies(Random random)
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "pe", "da", "fu", "gi", "ho", "ja", "ze", "bri", "tor", "qua",
         "lin", "mor", "stel", "vex", "dro", "pil", "cen", "sor", "tan", "gul", "rim", "ost"];

    private static readonly string[] Topical =
        ["packet", "kernel", "namespace", "bridge", "route", "interface", "container", "network", "veth", "vxlan",
         "iptables", "ebpf", "overlay", "socket", "frame", "address", "table", "rule", "queue", "driver"];

    private readonly string[] _vocabulary = MakeVocabulary(6000);
    private readonly double[] _cumulative = Zipf(6000 + Topical.Length, 1.07);

    public int Write(StreamReader list, TextWriter csv, int every, int words, int most)
    {
        var written = 0;
        var n = 0;
        string? line;
        while (written < most && (line = list.ReadLine()) is not null)
        {
            if (TitleLink().Match(line) is not { Success: true } link) continue;
            if (n++ % every != 0) continue;
            csv.Write(Csv(link.Groups["url"].Value)); csv.Write(',');
            csv.Write(Csv(link.Groups["title"].Value)); csv.Write(',');
            csv.WriteLine(Csv(Text(link.Groups["title"].Value, words)));
            written++;
        }
        return written;
    }

    private string Text(string title, int words)
    {
        var text = new StringBuilder(words * 8);
        text.Append("# ").Append(title);
        var latency = random.NextDouble() < 0.9;
        var hairpin = random.NextDouble() < 0.01;
        for (var w = 0; w < words; w++)
        {
            if (w % 400 == 0 && w > 0) text.Append("\n\n## ").Append(Word()).Append(' ').Append(Word());
            if (w % 80 == 0) text.Append("\n\n");
            else text.Append(w % 14 == 13 ? ". " : " ");
            text.Append(w == words / 3 && latency ? "latency" : w == words / 2 && hairpin ? "hairpin" : Word());
        }
        return text.Append('.').ToString();
    }

    private string Word()
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        if (index < 0) index = ~index;
        index = Math.Min(index, _cumulative.Length - 1);
        // The topics are spread through the ranks, as a field's words are among common ones.
        return index % 300 == 7 && index / 300 < Topical.Length ? Topical[index / 300] : _vocabulary[index % 6000];
    }

    /// <summary>Distinct made-up words: the 800 commonest of two syllables, the rest of three, so that words
    /// average about five letters as English prose does.</summary>
    private static string[] MakeVocabulary(int count) => Enumerable.Range(0, count).Select(i =>
    {
        var (syllables, k) = i < 800 ? (2, i) : (3, i * 7919 % 27000);
        var word = new StringBuilder();
        for (var s = 0; s < syllables; s++, k /= Syllables.Length) word.Append(Syllables[k % Syllables.Length]);
        return word.ToString();
    }).ToArray();

    private static double[] Zipf(int ranks, double exponent)
    {
        var weights = Enumerable.Range(1, ranks).Select(r => 1 / Math.Pow(r, exponent)).ToArray();
        var total = weights.Sum();
        var cumulative = new double[ranks];
        var sum = 0.0;
        for (var i = 0; i < ranks; i++) cumulative[i] = sum += weights[i] / total;
        return cumulative;
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";

    // The entry's own link: the first [title](url) after the bullet and an optional date.
    [GeneratedRegex(@"^\s*\* (?:\d{4}-\d{2}-\d{2}: )?\[(?<title>[^\]]+)\]\((?<url>[^)]+)\)")]
    private static partial Regex TitleLink();
}
