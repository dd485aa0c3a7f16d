using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.SavedCopies.Drift;

/// <summary>
/// Whether a page has turned into something else since its saved copy: it now reads like a parked or for-sale
/// domain, its final address is on another registrable domain, or its words are far from the saved ones
/// (<see cref="PageSimilarity"/> below the threshold, SavedCopies:ChangeAlertSimilarity). Checked in that order: the
/// first that holds is the reason. A page that changed a little, or whose copy already read as parked, is none.
/// </summary>
public static class PageDriftRule
{
    public static PageDriftFinding? Compare(PageSide before, PageSide after, double threshold,
        PublicSuffixList suffixes)
    {
        var similarity = PageSimilarity.Of(CopyText.Plain(before.Text), CopyText.Plain(after.Text));
        if (ParkedPage.Reads(after.Title, after.Text, Host(after.FinalUrl), suffixes)
            && !ParkedPage.Reads(before.Title, before.Text, Host(before.FinalUrl), suffixes))
            return new(PageDriftReason.Parked, similarity);
        if (!suffixes.SameRegistrableDomain(Host(before.FinalUrl), Host(after.FinalUrl)))
            return new(PageDriftReason.MovedDomain, similarity);
        return similarity < threshold ? new(PageDriftReason.Dissimilar, similarity) : null;
    }

    private static string Host(string url) => UrlNormalizer.Host(url) ?? url;
}

/// <summary>One reading of a page: its title, its text in the copy format and the address it was read at.</summary>
public sealed record PageSide(string? Title, string Text, string FinalUrl);

public sealed record PageDriftFinding(PageDriftReason Reason, double Similarity);

public enum PageDriftReason
{
    /// <summary>The words are far from the saved copy's.</summary>
    Dissimilar,
    /// <summary>The page now ends on another registrable domain.</summary>
    MovedDomain,
    /// <summary>The page now reads like a parked or for-sale domain.</summary>
    Parked,
}
