using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

public class ExclusionRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static ExclusionRule Rule(ExclusionKind kind, string value, string? expires = null)
    {
        var rule = ExclusionRule.TryCreate(kind, value, "vendor blocks bots", expires, Today, out var problems);
        Assert.True(rule is not null, string.Join(" ", problems));
        return rule;
    }

    private static bool Excludes(ExclusionRule rule, string link) =>
        new ExclusionMatcher([rule], Today).Match(UrlNormalizer.Normalize(link)) is not null;

    [Theory]
    [InlineData("https://example.org/docs/page", "https://example.org/docs/page", true)]
    [InlineData("HTTPS://Example.ORG:443/docs/page/?utm_source=feed#top", "https://example.org/docs/page", true)]
    [InlineData("https://example.org/docs/page", "https://EXAMPLE.org/docs/page/", true)]
    [InlineData("https://example.org/docs/page", "https://example.org/docs/Page", false)]
    [InlineData("https://example.org/docs/page", "http://example.org/docs/page", false)]
    [InlineData("https://example.org/docs/page", "https://example.org/docs/page/more", false)]
    public void A_url_rule_excludes_every_spelling_of_that_one_address(string rule, string link, bool excluded)
    {
        // Otherwise: a rule for "https://Example.org/x/" misses the list's "https://example.org/x": dialled anyway.
        Assert.Equal(excluded, Excludes(Rule(ExclusionKind.Url, rule), link));
    }

    [Theory]
    [InlineData("example.org", "https://example.org/a", true)]
    [InlineData("Example.ORG.", "http://EXAMPLE.org:8080/a", true)]
    [InlineData("example.org", "https://www.example.org/a", false)]
    [InlineData("example.org", "https://example.org.evil.test/a", false)]
    [InlineData("*.example.org", "https://example.org/a", true)]
    [InlineData("*.example.org", "https://docs.eu.example.org/a", true)]
    [InlineData("*.example.org", "https://notexample.org/a", false)]
    [InlineData("bücher.example", "https://xn--bcher-kva.example/a", true)]
    [InlineData("127.0.0.1", "http://127.0.0.1:5000/a", true)]
    public void A_host_rule_excludes_that_host_on_any_port_and_a_star_rule_its_subdomains_too(
        string rule, string link, bool excluded)
    {
        // Otherwise: "example.org" also silences "www.example.org", or "*.example.org" misses the site itself.
        Assert.Equal(excluded, Excludes(Rule(ExclusionKind.Host, rule), link));
    }

    [Theory]
    [InlineData("https://example.org/docs/", "https://example.org/docs/a/b", true)]
    [InlineData("https://example.org/docs/", "https://example.org/docs/", true)]
    [InlineData("https://example.org/docs/", "https://example.org/docs", true)]
    [InlineData("https://example.org/docs/", "https://example.org/docs-old/a", false)]
    [InlineData("https://example.org/docs", "https://example.org/docs-old/a", true)]
    [InlineData("https://Example.org:443/docs/", "https://EXAMPLE.ORG/docs/a", true)]
    [InlineData("https://example.org/docs/", "http://example.org/docs/a", false)]
    [InlineData("https://example.org", "https://example.org/anything", true)]
    public void A_prefix_rule_excludes_what_starts_with_it_and_a_trailing_slash_means_the_folder(
        string rule, string link, bool excluded)
    {
        // Otherwise: "/docs/" leaves the docs index dialled, or silences the unrelated "/docs-old".
        Assert.Equal(excluded, Excludes(Rule(ExclusionKind.Prefix, rule), link));
    }

    [Fact]
    public void A_rule_applies_through_its_expiry_day_and_not_after()
    {
        // Otherwise: a "until the vendor fixes it" rule silences a link for good, or stops a day early.
        var rule = Rule(ExclusionKind.Host, "example.org", "2026-12-31");
        Assert.Equal(new DateOnly(2026, 12, 31), rule.Expires);
        Assert.NotNull(new ExclusionMatcher([rule], new DateOnly(2026, 12, 31)).Match("https://example.org/"));
        Assert.Null(new ExclusionMatcher([rule], new DateOnly(2027, 1, 1)).Match("https://example.org/"));
    }

    [Fact]
    public void The_most_particular_rule_names_the_exclusion_and_its_text_says_kind_value_and_reason()
    {
        // Otherwise: the report blames a broad host rule for a link an editor excluded on its own.
        var host = Rule(ExclusionKind.Host, "example.org");
        var url = ExclusionRule.TryCreate(
            ExclusionKind.Url, "https://example.org/a", "moved behind a login", null, Today, out _)!;
        var matcher = new ExclusionMatcher([host, url], Today);

        Assert.Equal(url, matcher.Match("https://example.org/a"));
        Assert.Equal(host, matcher.Match("https://example.org/b"));
        Assert.Equal("host example.org — vendor blocks bots", host.Text);
        var skipped = ExclusionMatcher.Skipped("https://example.org/b", host);
        Assert.Equal(LinkOutcome.Skipped, skipped.Outcome);
        Assert.Equal("excluded by rule: host example.org — vendor blocks bots", skipped.Error);
    }

    [Theory]
    [InlineData(ExclusionKind.Url, "example.org/docs", "vendor", null, "'example.org/docs' is not an http(s) URL")]
    [InlineData(ExclusionKind.Url, "ftp://example.org/", "vendor", null, "is not an http(s) URL")]
    [InlineData(ExclusionKind.Prefix, "/docs/", "vendor", null, "'/docs/' is not an http(s) URL")]
    [InlineData(ExclusionKind.Url, "  ", "vendor", null, "Give the URL.")]
    [InlineData(ExclusionKind.Host, "https://example.org/", "vendor", null, "is not a host name")]
    [InlineData(ExclusionKind.Host, "example.org:8080", "vendor", null, "is not a host name")]
    [InlineData(ExclusionKind.Host, "exa mple.org", "vendor", null, "is not a host name")]
    [InlineData(ExclusionKind.Host, "", "vendor", null, "Give a host")]
    [InlineData(ExclusionKind.Host, "example.org", "  ", null, "Say why the link is excluded")]
    [InlineData(ExclusionKind.Host, "example.org", "vendor", "2026-11-29", "The expiry 2026-11-29 is in the past")]
    [InlineData(ExclusionKind.Host, "example.org", "vendor", "next week", "'next week' is not a date")]
    public void A_bad_rule_is_refused_with_a_sentence_saying_what_to_fix(
        ExclusionKind kind, string value, string reason, string? expires, string expected)
    {
        // Otherwise: a typo becomes a rule that matches nothing (or everything) and nobody is told.
        var rule = ExclusionRule.TryCreate(kind, value, reason, expires, Today, out var problems);
        Assert.Null(rule);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_rule_is_named_and_a_long_reason_is_refused()
    {
        var rule = ExclusionRule.TryCreate(
            ExclusionKind.Url, "nope", new string('x', 301), "2001-01-01", Today, out var problems);
        Assert.Null(rule);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("the limit is 300", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_may_hold_a_rule_whose_date_has_passed_and_it_simply_no_longer_applies()
    {
        // Otherwise: the portal refuses to start the morning after a configured rule's expiry.
        var rule = ExclusionRule.TryCreate(
            ExclusionKind.Host, "example.org", "vendor", "2001-01-01", notBefore: null, out var problems);
        Assert.Empty(problems);
        Assert.Null(new ExclusionMatcher([rule!], Today).Match("https://example.org/"));
    }
}
