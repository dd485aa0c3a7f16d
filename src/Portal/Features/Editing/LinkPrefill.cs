using System.Globalization;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>What a pasted URL's page says about itself, to prefill a new entry.</summary>
public sealed record Prefill(string? Title, string? Description, DateOnly? Date, string? Author, string? FinalUrl,
    string? Problem);

/// <summary>
/// Fetches a page through the link checker, with its SSRF guard (no private addresses, allowed ports
/// only), and reads title, description, published date and author from its head.
/// </summary>
public sealed class LinkPrefill(LinkChecker checker)
{
    public const string NotAWebAddress = "Enter a full web address starting with http:// or https://.";

    public async Task<Prefill> FetchAsync(string url, CancellationToken ct = default)
    {
        if (!UrlNormalizer.IsWebAddress(url))
            return new Prefill(null, null, null, null, null, NotAWebAddress);
        var uri = new Uri(url.Trim());
        var result = await checker.CheckAsync(uri.AbsoluteUri, ct);
        var problem = result.Outcome switch
        {
            var outcome when outcome.IsWorking() => null,
            LinkOutcome.Refused => "The address is not allowed (private networks and unusual ports are not fetched); " +
                "fill in the fields yourself.",
            _ => $"The page could not be read ({result.Error ?? result.Outcome.ToString()}); fill in the fields " +
                $"yourself.",
        };
        var page = result.Page;
        return new Prefill(
            Clean(page?.OgTitle) ?? Clean(page?.Title),
            Clean(page?.OgDescription),
            ParseDate(page?.PublishedTime),
            Clean(page?.Author),
            result.FinalUrl is { } final && final != uri.AbsoluteUri ? final : null,
            problem);
    }

    /// <summary>A page's text as one line, without what the list cannot hold (a page may say anything).</summary>
    private static string? Clean(string? text) => Whitespace.CollapseOrNull(text);

    private static DateOnly? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
            out var at) ? DateOnly.FromDateTime(at.UtcDateTime) : null;
}
