using System.Net;
using System.Text.Json;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Urls;
using ContainerNetLib.Importer.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Importer.Commands;

/// <summary>
/// check-links [--url URL ...] [--urls-file FILE] [--section SLUG] [--allow-private] [--json]
/// [--per-host N] [--overall N] [--min-delay-ms N]: the nightly job's checker from the command line, with its
/// LinkHealth:* settings; the flags go over them. Without --url it checks the stored list (or one section of it);
/// nothing is recorded. A summary goes to stderr.
/// </summary>
internal sealed class CheckLinksCommand : ICommand
{
    // For checking one's own servers (tests, a staging copy): private and loopback ranges, any port.
    private static readonly IReadOnlyList<IPNetwork> PrivateRanges = NetworkList.Parse(AddressPolicy.InsideNetworks);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> RunAsync(Arguments arguments, CommandContext context, CancellationToken ct)
    {
        var urls = arguments.Options("--url");
        var urlsFile = arguments.Option("--urls-file");
        var section = arguments.Option("--section");
        var perHost = Number(arguments, "--per-host", 1, 16);
        var overall = Number(arguments, "--overall", 1, 512);
        var delay = Number(arguments, "--min-delay-ms", 0, 60_000);
        var allowPrivate = arguments.Flag("--allow-private");
        var json = arguments.Flag("--json");
        if (arguments.Positional() is [var extra, ..])
            throw new UsageException($"check-links takes no '{extra}'; give URLs with --url");
        if (urlsFile is not null) urls.AddRange(await UrlsFromFileAsync(urlsFile, ct));
        if (urls.Count > 0 && section is not null)
            throw new UsageException("give either --url (or --urls-file) or --section, not both");
        if (urls.Count == 0 && urlsFile is null) urls = await StoredUrlsAsync(context, section, ct);

        // The nightly job's checker and settings (LinkHealth:*), with this command's flags over them.
        await using var services = LinkCheckingCommandServices.Build(context, connection: null, services =>
        {
            services.PostConfigure<PolitenessOptions>(politeness =>
            {
                politeness.PerHost = perHost ?? politeness.PerHost;
                politeness.Overall = overall ?? politeness.Overall;
                if (delay is { } ms) politeness.MinDelayPerHost = TimeSpan.FromMilliseconds(ms);
            });
            if (!allowPrivate) return;
            services.AddSingleton(sp => new AddressPolicy([
                ..sp.GetRequiredService<IOptions<LinkHealthOptions>>().Value.ParseAllowedNetworks(), ..PrivateRanges]));
            services.AddSingleton(sp => new UrlPolicy(sp.GetRequiredService<AddressPolicy>(), AnyPort));
        });
        var politely = services.GetRequiredService<PoliteChecker>();
        var hostFailures = services.GetRequiredService<IOptions<LinkHealthOptions>>().Value.HostFailuresBeforeSkip;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = new Dictionary<string, LinkCheckResult>(StringComparer.Ordinal);
        await foreach (var result in politely.CheckAsync(urls, ct, new UnreachableHosts(hostFailures)))
            results[UrlNormalizer.Normalize(result.Url)] = result;
        var seconds = clock.Elapsed.TotalSeconds;

        // One line per URL as given, in the order given: two spellings of one URL were checked once and share its
        // result.
        foreach (var url in urls)
        {
            var normalized = UrlNormalizer.Normalize(url);
            var result = results[normalized] with { Url = url };
            await context.Out.WriteLineAsync(json ? JsonLine(result, normalized) : TextLine(result, normalized));
        }
        var outcomes = results.Values.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g =>
            $"{g.Count()} {OutcomeText.Of(g.Key)}");
        await context.Error.WriteLineAsync(
            $"Checked {Counted.Of(results.Count, "URL")} ({Counted.Of(urls.Count, "line")} given) in {seconds:0.00} s "
                +
            $"({(seconds > 0 ? results.Count / seconds : 0):0} per second): {string.Join(", ", outcomes)}");
        return 0;
    }

    private static int? Number(Arguments arguments, string name, int min, int max)
    {
        if (arguments.Option(name) is not { } text) return null;
        return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} takes a whole number from {min} to {max}, not '{text}'");
    }

    /// <summary>One URL per line; blank lines and lines starting with # are skipped.</summary>
    private static async Task<IEnumerable<string>> UrlsFromFileAsync(string path, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(path, ct);
        return lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
    }

    private static readonly IReadOnlySet<int> AnyPort = Enumerable.Range(1, 65535).ToHashSet();

    private static async Task<List<string>> StoredUrlsAsync(CommandContext context, string? section,
        CancellationToken ct)
    {
        await using var db = context.OpenDatabase();
        var links = db.Links.AsNoTracking();
        if (section is not null)
        {
            var inScope = (await SectionHierarchy.LoadAsync(db.Sections, ct)).AndBelow(section)
                ?? throw new UsageException($"no section '{section}'");
            links = links.Where(l => inScope.Contains(l.Entry.SectionId));
        }
        return await links.Select(l => l.Url).Distinct().OrderBy(u => u).ToListAsync(ct);
    }

    private static string JsonLine(LinkCheckResult r, string normalized) => JsonSerializer.Serialize(new
    {
        r.Url,
        NormalizedUrl = normalized,
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
        r.HostSkipped,
    }, Json);

    private static string TextLine(LinkCheckResult r, string normalized) =>
        $"{r.Outcome,-13} {(r.Status?.ToString() ?? "-"),3}  {r.Url}" + (normalized != r.Url ? $"  [{normalized}]"
            : "") +
        (r.Outcome == LinkOutcome.Redirected ? $"  -> {r.FinalUrl}" : "") +
        (r.Page?.Title is { } title ? $"  \"{title}\"" : "") +
        (r.Error is { } error ? $"  ({error})" : "");
}
