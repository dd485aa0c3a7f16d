using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.Tests.Urls;

public class UrlNormalizerTests
{
    [Theory]
    [InlineData("HTTP://Example.COM/Path", "http://example.com/Path")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com/a#section", "https://example.com/a")]
    [InlineData("https://groups.google.com/forum/#!topic/x/y", "https://groups.google.com/forum/#!topic/x/y")]
    [InlineData("https://example.com/blog/", "https://example.com/blog")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com/?utm_source=x&id=3&utm_medium=y", "https://example.com/?id=3")]
    [InlineData("https://example.com/a?utm_campaign=z", "https://example.com/a")]
    [InlineData("https://example.com./a", "https://example.com/a")]
    [InlineData("https://bücher.example/a", "https://xn--bcher-kva.example/a")]
    [InlineData("  https://example.com/a  ", "https://example.com/a")]
    [InlineData("mailto:someone@example.com", "mailto:someone@example.com")]
    [InlineData("#platforms", "#platforms")]
    [InlineData("not a url", "not a url")]
    public void Normalises_by_the_documented_rules(string url, string expected)
    {
        // Otherwise: the same article listed twice with different spellings is not reported as a duplicate.
        Assert.Equal(expected, UrlNormalizer.Normalize(url));
    }

    [Fact]
    public void Percent_encoding_is_kept_as_written()
    {
        Assert.Equal("http://e.example/Container%20Networking.pdf", UrlNormalizer.Normalize("http://e.example/Container%20Networking.pdf"));
    }

    [Theory]
    [InlineData("https://example.org/a", true)]
    [InlineData("  http://example.org  ", true)]
    [InlineData("ftp://example.org/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("example.org", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_full_http_and_https_addresses_count_as_web_addresses(string? text, bool expected)
    {
        // Otherwise: an editor saves a link readers cannot open, or the form refuses a good one.
        Assert.Equal(expected, UrlNormalizer.IsWebAddress(text));
    }
}
