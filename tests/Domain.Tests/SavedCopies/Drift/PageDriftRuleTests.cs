using ContainerNetLib.Domain.SavedCopies.Drift;

namespace ContainerNetLib.Domain.Tests.SavedCopies.Drift;

/// <summary>When a page counts as another page now, and when it is the same page edited.</summary>
public class PageDriftRuleTests
{
    private const double Threshold = 0.3;

    internal static readonly string Article = string.Join("\n\n",
        "# Container networking from the bottom up",
        "A veth pair is two virtual network interfaces joined by a cable: a packet sent into one end comes out of "
        + "the other. Container runtimes put one end in the container's network namespace and the other in the host.",
        "The host end is usually attached to a Linux bridge, which forwards frames between the containers on the "
        + "same host much as a physical switch would, learning addresses as frames arrive.",
        "To reach the outside world, packets leave the bridge through the host's routing table, and iptables "
        + "masquerading rewrites their source address so replies find their way back to the right container.");

    private static PageSide Page(string text, string url = "https://blog.example.com/veth", string? title = null) =>
        new(title ?? "Container networking from the bottom up", text, url);

    private static PageDriftFinding? Compare(PageSide before, PageSide after) =>
        PageDriftRule.Compare(before, after, Threshold, PublicSuffixList.Default);

    [Fact]
    public void A_page_edited_a_little_is_still_the_same_page()
    {
        var edited = Article.Replace("much as a physical switch would", "like a hardware switch")
            + "\n\nUpdate: a reader pointed out that macvlan skips the bridge entirely.";
        // Otherwise: every typo fix on a blog lands on the report as a takeover, and editors stop reading it.
        Assert.Null(Compare(Page(Article), Page(edited)));
        Assert.True(PageSimilarity.Of(Article, edited) > 0.6);
    }

    [Fact]
    public void A_page_whose_words_are_almost_all_new_is_dissimilar()
    {
        var other = "Ten best casino bonuses this month. Sign up today and claim free spins on every slot game, "
            + "with daily jackpots, weekly cash back and a welcome package for new players.";
        var finding = Compare(Page(Article), Page(other, title: "Best casino bonuses"));
        // Otherwise: an article replaced by spam at the same address looks healthy because it answers 200.
        Assert.Equal(PageDriftReason.Dissimilar, finding?.Reason);
        Assert.True(finding!.Similarity < Threshold);
    }

    [Theory]
    [InlineData("This domain is for sale! Make an offer today.", "example.com")]
    [InlineData("Buy this domain. The owner is asking for offers.", "example.com")]
    [InlineData("Related searches: Networking Courses, Cloud Hosting. Domain parking by Bodis.", "example.com")]
    [InlineData("Welcome", "www.hugedomains.com")]
    public void A_page_that_now_reads_like_a_parked_domain_is_parked(string text, string finalHost)
    {
        var finding = Compare(Page(Article), Page(text, $"https://{finalHost}/veth", title: "example.com"));
        // Otherwise: a dead blog whose domain is parked or for sale sends readers to an advert, unnoticed.
        Assert.Equal(PageDriftReason.Parked, finding?.Reason);
    }

    [Fact]
    public void A_long_article_about_domain_parking_is_not_a_parked_page()
    {
        var essay = string.Join("\n\n", Enumerable.Repeat(
            "Domain parking pays registrars for traffic to names nobody uses; sedo and afternic sell such names, "
            + "and this article measures how many expired networking blogs ended up there over five years.", 40));
        // Otherwise: the list's own reading on domain takeovers is reported as a takeover.
        Assert.NotEqual(PageDriftReason.Parked, Compare(Page(essay), Page(essay + "\n\nA new paragraph."))?.Reason);
        Assert.False(ParkedPage.Reads("Pseudo-random numbers", "A pseudo random generator.", "example.com",
            PublicSuffixList.Default));
    }

    [Fact]
    public void A_page_already_parked_in_its_copy_is_not_reported_again()
    {
        var parked = "This domain is for sale.";
        // Otherwise: each new version of the same parked page opens another alert for a decision already made.
        Assert.Null(Compare(Page(parked, title: "for sale"), Page(parked + " Contact us.", title: "for sale")));
    }

    [Theory]
    [InlineData("https://blog.example.com/veth", "https://spam.example.net/veth")]
    [InlineData("https://a.example.test/post", "http://other.test/post")]
    [InlineData("https://alice.github.io/veth", "https://mallory.github.io/veth")]
    public void A_page_that_now_ends_on_another_registrable_domain_has_moved(string before, string after)
    {
        // Otherwise: a site sold to someone else, redirecting to their domain with the same words, goes unseen.
        Assert.Equal(PageDriftReason.MovedDomain, Compare(Page(Article, before), Page(Article + " ", after))?.Reason);
    }

    [Theory]
    [InlineData("https://blog.example.com/veth", "https://www.example.com/blog/veth")]
    [InlineData("https://www.bbc.co.uk/news", "https://news.bbc.co.uk/news")]
    [InlineData("http://a.example.test/post", "https://b.example.test/post")]
    public void A_page_that_moves_within_its_own_domain_has_not_moved(string before, string after)
    {
        // Otherwise: a blog moving from blog. to www. of its own domain is reported as taken over.
        Assert.Null(Compare(Page(Article, before), Page(Article + " ", after)));
    }

    [Theory]
    [InlineData("blog.example.com", "example.com")]
    [InlineData("www.bbc.co.uk", "bbc.co.uk")]
    [InlineData("bbc.co.uk", "bbc.co.uk")]
    [InlineData("alice.github.io", "alice.github.io")]
    [InlineData("a.example.test", "example.test")]
    [InlineData("co.uk", "co.uk")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("www.city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("a.b.kawasaki.jp", "a.b.kawasaki.jp")]
    [InlineData("BLOG.Example.COM.", "example.com")]
    [InlineData("bücher.example.de", "example.de")]
    public void The_registrable_domain_follows_the_public_suffix_list(string host, string expected)
    {
        // Otherwise: two sites under co.uk, or github.io, count as one; or a site's own subdomains as strangers.
        Assert.Equal(expected, PublicSuffixList.Default.RegistrableDomain(host));
    }

    [Fact]
    public void Similarity_is_one_for_the_same_words_and_zero_for_none_shared()
    {
        // Otherwise: the threshold means nothing, and unchanged pages or unrelated ones are misjudged.
        Assert.Equal(1, PageSimilarity.Of(Article, Article.ToUpperInvariant()));
        Assert.Equal(0, PageSimilarity.Of("alpha beta gamma delta", "one two three four"));
        Assert.Equal(1, PageSimilarity.Of("", ""));
    }
}
