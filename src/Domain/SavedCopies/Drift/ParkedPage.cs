using System.Text.RegularExpressions;

namespace ContainerNetLib.Domain.SavedCopies.Drift;

/// <summary>
/// Whether a page reads like a parked or for-sale domain: a short page carrying one of the phrases and names that
/// parking and domain-sale services put on every such page, or a page those services serve themselves. A long
/// article that mentions domain parking is not one.
/// </summary>
public static partial class ParkedPage
{
    /// <summary>Parked pages are a few lines; beyond this many words a marker is an article's subject.</summary>
    private const int MaxWords = 400;

    /// <summary>Registrable domains of the services that park and sell domains.</summary>
    private static readonly IReadOnlySet<string> Services = new HashSet<string>(StringComparer.Ordinal)
    {
        "sedo.com", "sedoparking.com", "dan.com", "afternic.com", "hugedomains.com", "bodis.com", "parkingcrew.net",
        "undeveloped.com", "uniregistry.com", "domainmarket.com",
    };

    public static bool Reads(string? title, string text, string finalHost, PublicSuffixList suffixes)
    {
        if (Services.Contains(suffixes.RegistrableDomain(finalHost))) return true;
        var words = CopyText.WordCount(text);
        return words <= MaxWords && (Markers().IsMatch(title ?? "") || Markers().IsMatch(text));
    }

    [GeneratedRegex(@"\b(?:this domain (?:name )?(?:is|may be|might be) for sale|buy this domain|"
        + @"domain (?:name )?(?:is )?for sale|make an offer on this domain|this domain is parked|domain parking|"
        + @"parked free|sedo|sedoparking|dan\.com|afternic|hugedomains|bodis|parkingcrew|"
        + @"the domain owner (?:may be|is) (?:offering|selling))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Markers();
}
