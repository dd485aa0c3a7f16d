using System.ComponentModel.DataAnnotations;
using System.Net;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using Cronos;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>The nightly job and the report (configuration section LinkHealth); validated at start-up.</summary>
public sealed class LinkHealthOptions
{
    public const string Section = "LinkHealth";

    /// <summary>When the nightly check starts, in <see cref="TimeZone"/>.</summary>
    public string Cron { get; set; } = "0 2 * * *";
    public string TimeZone { get; set; } = "UTC";
    /// <summary>Consecutive failed runs before a link counts as broken.</summary>
    [Range(1, 30)] public int FailuresBeforeBroken { get; set; } = 2;
    /// <summary>URLs per job; a chunk must finish well inside Hangfire's invisibility timeout.</summary>
    [Range(1, 5000)] public int ChunkSize { get; set; } = 300;
    [Range(1, 3650)] public int HistoryDays { get; set; } = 90;
    /// <summary>A Wayback-style endpoint: "{ArchiveBaseUrl}{timestamp}/{url}" redirects to the latest archived copy.
    /// Empty:
    /// no suggestions.</summary>
    public string ArchiveBaseUrl { get; set; } = "https://web.archive.org/web/";
    /// <summary>A Slack-compatible incoming webhook, told after a nightly run that found newly broken links. It passes
    /// the same address guard as the checker: an inside address needs <see cref="AllowedNetworks"/>.</summary>
    public string? WebhookUrl { get; set; }
    /// <summary>The portal's public address, for links in the webhook message and the checker's user agent.</summary>
    public string? PublicUrl { get; set; }
    /// <summary>Networks the checker (and the webhook) may reach despite the SSRF guard (CIDR), e.g. a staging
    /// server.</summary>
    public string[] AllowedNetworks { get; set; } = [];
    /// <summary>Ports beyond 80 and 443 the checker (and the webhook) may use.</summary>
    public int[] AllowedPorts { get; set; } = [];
    /// <summary>A run is inconclusive when more than this share of its hosts could not be reached at all...</summary>
    [Range(0.0, 1.0)] public double OutageHostShare { get; set; } = 0.5;
    /// <summary>...counted over at least this many hosts (fewer, all unreachable: inconclusive unless a canary
    /// answers).</summary>
    [Range(1, 100_000)] public int OutageMinHosts { get; set; } = 5;
    /// <summary>Stable URLs the operator trusts: when none of them answers, the run is inconclusive.</summary>
    public string[] Canaries { get; set; } = [];
    /// <summary>Network-level failures in a row after which a host's other URLs in the run are not dialled (0:
    /// never).</summary>
    [Range(0, 100)] public int HostFailuresBeforeSkip { get; set; } = 2;
    /// <summary>Links the checker leaves alone (recorded as Skipped), besides editors' rules on the report.</summary>
    public ExcludeSetting[] Exclude { get; set; } = [];

    // Methods, not properties: binding and validation read every property, valid or not.
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
    public IReadOnlyList<IPNetwork> ParseAllowedNetworks() => Urls.NetworkList.Parse(AllowedNetworks);

    /// <summary>The guard every outgoing address passes: the list's links, the GitHub API, the webhook.</summary>
    public AddressPolicy AddressPolicy() => new(ParseAllowedNetworks());

    public UrlPolicy UrlPolicy(AddressPolicy addresses) => new(addresses, AllowedPorts.ToHashSet());

    public Runs.RunSettings RunSettings() => new(
        FailuresBeforeBroken, ChunkSize, HostFailuresBeforeSkip, new(OutageHostShare, OutageMinHosts), Canaries);

    public Runs.NotifySettings NotifySettings() => new(WebhookUrl, PublicUrl);
    public IReadOnlyList<ExclusionRule> ParseExclusions() =>
        Exclude.Select(e => e.ToRule(out _)).OfType<ExclusionRule>().ToList();
}

/// <summary>One line per bad value, each naming its setting: what an operator needs to fix it.</summary>
public sealed class LinkHealthOptionsValidator : IValidateOptions<LinkHealthOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkHealthOptions options)
    {
        var failures = new List<string>();
        try
        {
            CronExpression.Parse(options.Cron);
        }
        catch (CronFormatException e)
        {
            failures.Add($"LinkHealth:Cron '{options.Cron}' is not a cron expression ({e.Message.TrimEnd('.')})");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
            failures.Add($"LinkHealth:TimeZone '{options.TimeZone}' is not a time zone (use an IANA name such as " +
                $"Europe/Berlin or UTC)");
        if (options.ArchiveBaseUrl.Length > 0 && !Urls.UrlNormalizer.IsWebAddress(options.ArchiveBaseUrl))
            failures.Add($"LinkHealth:ArchiveBaseUrl '{options.ArchiveBaseUrl}' is not an http(s) URL");
        if (!string.IsNullOrEmpty(options.WebhookUrl) && !Urls.UrlNormalizer.IsWebAddress(options.WebhookUrl))
            failures.Add($"LinkHealth:WebhookUrl '{options.WebhookUrl}' is not an http(s) URL");
        if (!string.IsNullOrEmpty(options.PublicUrl) && !Urls.UrlNormalizer.IsWebAddress(options.PublicUrl))
            failures.Add($"LinkHealth:PublicUrl '{options.PublicUrl}' is not an http(s) URL");
        foreach (var canary in options.Canaries)
            if (!Urls.UrlNormalizer.IsWebAddress(canary))
                failures.Add($"LinkHealth:Canaries '{canary}' is not an http(s) URL");
        var guardReadable = failures.Count;
        failures.AddRange(Urls.NetworkList.Problems("LinkHealth:AllowedNetworks", options.AllowedNetworks));
        foreach (var port in options.AllowedPorts)
            if (port is < 1 or > 65535) failures.Add($"LinkHealth:AllowedPorts {port} is not a port");
        // What the guard can tell before any name is resolved (an address, a port, user-info); a name that resolves
        // inside is refused when the webhook is sent. The address itself is not echoed: its path is its secret.
        if (failures.Count == guardReadable && !string.IsNullOrEmpty(options.WebhookUrl)
            && Urls.UrlNormalizer.IsWebAddress(options.WebhookUrl)
            && options.UrlPolicy(options.AddressPolicy()).Refusal(options.WebhookUrl) is { } refused)
            failures.Add($"LinkHealth:WebhookUrl is refused by the address guard ({refused}): allow its network " +
                $"in LinkHealth:AllowedNetworks, and a port other than 80 or 443 in LinkHealth:AllowedPorts");
        for (var i = 0; i < options.Exclude.Length; i++)
        {
            if (options.Exclude[i].ToRule(out var problems) is not null) continue;
            var why = string.Join("; ", problems.Select(p => p.TrimEnd('.')));
            failures.Add($"{options.Exclude[i].Describe(i)}: {why}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
