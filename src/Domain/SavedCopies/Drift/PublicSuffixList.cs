using System.Globalization;
using System.Net;

namespace ContainerNetLib.Domain.SavedCopies.Drift;

/// <summary>
/// The registrable domain of a host ("blog.example.co.uk" → "example.co.uk"), by the Public Suffix List's rules
/// (normal, wildcard "*." and exception "!" rules; a name no rule covers has a one-label suffix). Both the ICANN and
/// the private sections count, so two "github.io" sites are two domains. The list is embedded:
/// public_suffix_list.dat, from Debian's publicsuffix package (20230209), under the Mozilla Public License 2.0.
/// </summary>
public sealed class PublicSuffixList
{
    private static readonly Lazy<PublicSuffixList> Embedded = new(() =>
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(
            "ContainerNetLib.Domain.SavedCopies.Drift.public_suffix_list.dat")!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private readonly HashSet<string> _rules;
    private readonly HashSet<string> _wildcards;
    private readonly HashSet<string> _exceptions;

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcards, HashSet<string> exceptions) =>
        (_rules, _wildcards, _exceptions) = (rules, wildcards, exceptions);

    public static PublicSuffixList Default => Embedded.Value;

    /// <summary>Reads the list's text format: one rule a line, "//" comments, blank lines ignored.</summary>
    private static PublicSuffixList Parse(string text)
    {
        HashSet<string> rules = new(StringComparer.Ordinal), wildcards = new(StringComparer.Ordinal),
            exceptions = new(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            var rule = line.Split(' ')[0];
            if (rule.StartsWith('!')) exceptions.Add(Ascii(rule[1..]));
            else if (rule.StartsWith("*.", StringComparison.Ordinal)) wildcards.Add(Ascii(rule[2..]));
            else rules.Add(Ascii(rule));
        }
        return new(rules, wildcards, exceptions);
    }

    /// <summary>The registrable domain, lower-case ASCII; an IP address or a bare public suffix as given.</summary>
    public string RegistrableDomain(string host)
    {
        var name = Ascii(host.Trim().TrimEnd('.'));
        if (name.Length == 0 || IPAddress.TryParse(name.Trim('[', ']'), out _)) return name;
        var labels = name.Split('.');
        var suffixLabels = SuffixLength(labels);
        return suffixLabels >= labels.Length ? name : string.Join('.', labels[^(suffixLabels + 1)..]);
    }

    public bool SameRegistrableDomain(string firstHost, string secondHost) =>
        RegistrableDomain(firstHost) == RegistrableDomain(secondHost);

    /// <summary>How many labels from the right the public suffix takes: the longest rule that matches wins,
    /// an exception rule takes one label less than itself.</summary>
    private int SuffixLength(string[] labels)
    {
        for (var start = 0; start < labels.Length; start++)
        {
            var candidate = string.Join('.', labels[start..]);
            var length = labels.Length - start;
            if (_exceptions.Contains(candidate)) return length - 1;
            if (_rules.Contains(candidate)) return length;
            if (start > 0 && _wildcards.Contains(candidate)) return length + 1;
        }
        return 1;
    }

    // The list holds Unicode names ("公司.cn"), hosts arrive in either form: both compared as punycode.
    private static string Ascii(string name)
    {
        try { return new IdnMapping().GetAscii(name).ToLowerInvariant(); }
        catch (ArgumentException) { return name.ToLowerInvariant(); }
    }
}
