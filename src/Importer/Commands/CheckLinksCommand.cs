using System.Net;
using System.Text.Json;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Importer.Cli;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Importer.Commands;

/// <summary>
/// check-links [--url URL ...] [--section SLUG] [--allow-private] [--json]: the nightly job's checker
/// from the command line. Without --url it checks the stored list (or one section of it).
/// </summary>
internal sealed class CheckLinksCommand : ICommand
{
    // For checking one's own servers (tests, a staging copy): private and loopback ranges, any port.
    private static readonly IPNetwork[] PrivateRanges =
        new[] { "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7" }.Select(IPNetwork.Parse).ToArray();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> RunAsync(Arguments arguments, CommandContext context, CancellationToken ct)
    {
        var urls = arguments.Options("--url");
        var section = arguments.Option("--section");
        var allowPrivate = arguments.Flag("--allow-private");
        var json = arguments.Flag("--json");
        if (arguments.Positional() is [var extra, ..]) throw new UsageException($"check-links takes no '{extra}'; give URLs with --url");
        if (urls.Count > 0 && section is not null) throw new UsageException("give either --url or --section, not both");
        if (urls.Count == 0) urls = await StoredUrlsAsync(context, section, ct);

        var addresses = new AddressPolicy(allowPrivate ? PrivateRanges : []);
        var options = new LinkCheckOptions();
        using var http = new HttpClient(new GuardedConnector(addresses, new DnsHostResolver()).CreateHandler(options.ConnectTimeout))
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var urlPolicy = new UrlPolicy(addresses, allowPrivate ? AnyPort : null);
        var run = new LinkCheckRun(new LinkChecker(http, urlPolicy, options, TimeProvider.System), new PolitenessOptions(), TimeProvider.System);
        await foreach (var result in run.CheckAsync(urls, ct))
        {
            await context.Out.WriteLineAsync(json ? JsonLine(result) : TextLine(result));
        }
        return 0;
    }

    private static readonly IReadOnlySet<int> AnyPort = Enumerable.Range(1, 65535).ToHashSet();

    private static async Task<List<string>> StoredUrlsAsync(CommandContext context, string? section, CancellationToken ct)
    {
        await using var db = context.OpenDatabase();
        var links = db.Links.AsNoTracking();
        if (section is not null)
        {
            if (!await db.Sections.AnyAsync(s => s.Slug == section, ct)) throw new UsageException($"no section '{section}'");
            links = links.Where(l => l.Entry.Section.Slug == section || l.Entry.Section.Parent!.Slug == section);
        }
        return await links.Select(l => l.Url).Distinct().OrderBy(u => u).ToListAsync(ct);
    }

    private static string JsonLine(LinkCheckResult r) => JsonSerializer.Serialize(new
    {
        r.Url,
        Outcome = r.Outcome.ToString(),
        r.Status,
        r.FinalUrl,
        r.Redirects,
        r.Downgraded,
        Title = r.Page?.Title,
        r.ContentType,
        r.ElapsedMs,
        r.Error,
        r.Attempts,
    }, Json);

    private static string TextLine(LinkCheckResult r) =>
        $"{r.Outcome,-11} {(r.Status?.ToString() ?? "-"),3}  {r.Url}" +
        (r.Outcome == LinkOutcome.Redirected ? $"  -> {r.FinalUrl}" : "") +
        (r.Page?.Title is { } title ? $"  \"{title}\"" : "") +
        (r.Error is { } error ? $"  ({error})" : "");
}
