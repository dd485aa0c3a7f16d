using System.Globalization;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.LinkHealth.Exclusions;

/// <summary>What an exclusion rule compares a link with.</summary>
public enum ExclusionKind
{
    /// <summary>One address: the link's normalised form equals the rule's.</summary>
    Url,
    /// <summary>"example.org" is that host; "*.example.org" is example.org and every host under it; any port.</summary>
    Host,
    /// <summary>
    /// The link's normalised form starts with the rule's. A trailing slash typed in the prefix is kept:
    /// "https://example.org/docs/" is the folder (and the bare "/docs" page), "https://example.org/docs"
    /// is everything starting so, "/docs-old" included.
    /// </summary>
    Prefix,
}

/// <summary>
/// A link the checker must leave alone: never dialled, recorded as Skipped with this rule's text.
/// <see cref="Value"/> is in the form links are compared in; a rule applies up to and including
/// <see cref="Expires"/> (a UTC date).
/// </summary>
public sealed record ExclusionRule(ExclusionKind Kind, string Value, string Reason, DateOnly? Expires)
{
    /// <summary>How the report and a skipped result show the rule: "host example.org — vendor blocks bots".</summary>
    public string Text => $"{Kind.ToString().ToLowerInvariant()} {Value} — {Reason}";

    /// <summary>A skipped result's detail.</summary>
    public string Detail => $"excluded by rule: {Text}";

    public bool IsActive(DateOnly today) => Expires is not { } last || last >= today;

    /// <summary>Whether the rule covers a link, given the link's normalised form (expiry aside).</summary>
    public bool Covers(string normalizedUrl) => Kind switch
    {
        ExclusionKind.Url => normalizedUrl == Value,
        ExclusionKind.Prefix => normalizedUrl.StartsWith(Value, StringComparison.Ordinal) ||
            (Value.EndsWith('/') && normalizedUrl == Value[..^1]),
        ExclusionKind.Host => UrlNormalizer.Host(normalizedUrl) is { } host && CoversHost(host),
        _ => false,
    };

    private bool CoversHost(string host)
    {
        var trimmed = host.TrimEnd('.');
        if (!Value.StartsWith("*.", StringComparison.Ordinal)) return trimmed == Value;
        var domain = Value[2..];
        return trimmed == domain || trimmed.EndsWith("." + domain, StringComparison.Ordinal);
    }

    /// <summary>
    /// The rule an editor or the configuration asked for, in compared form; or null and every reason it is not
    /// a rule, each a sentence. <paramref name="notBefore"/> (today, for editors) refuses an expiry already past;
    /// configuration passes null, so that a date passing never stops the portal from starting.
    /// </summary>
    public static ExclusionRule? TryCreate(
        ExclusionKind kind, string? value, string? reason, string? expires, DateOnly? notBefore,
        out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var compared = Compared(kind, value?.Trim() ?? "", found);
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) found.Add("Say why the link is excluded (a short reason, e.g. \"vendor blocks bots\").");
        else if (TextField.Reason.Problem(why) is { } problem) found.Add(problem);
        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(expires))
        {
            var text = expires.Trim();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                    out var date))
                found.Add($"'{text}' is not a date: give the expiry as yyyy-MM-dd, or none.");
            else if (notBefore is { } today && date < today)
                found.Add($"The expiry {date:yyyy-MM-dd} is in the past: give today or a later date, or none.");
            else until = date;
        }
        problems = found;
        return found.Count == 0 ? new ExclusionRule(kind, compared!, why, until) : null;
    }

    private static string? Compared(ExclusionKind kind, string value, List<string> problems)
    {
        if (value.Length == 0)
        {
            problems.Add(kind == ExclusionKind.Host
                ? "Give a host, e.g. example.org or *.example.org."
                : $"Give the {Noun(kind)}.");
            return null;
        }
        // Its limit is a web address's, a host included: the column holds either.
        if (TextField.WebAddress.Problem(value, kind == ExclusionKind.Host ? "The host" : $"The {Noun(kind)}") is
            { } problem)
        {
            problems.Add(problem);
            return null;
        }
        if (kind == ExclusionKind.Host)
        {
            if (HostName(value) is { } host) return host;
            problems.Add($"'{value}' is not a host name: " +
                "give one such as example.org or *.example.org (no scheme, path or port).");
            return null;
        }
        if (!UrlNormalizer.IsWebAddress(value))
        {
            problems.Add($"'{value}' is not an http(s) URL: give a full address such as https://example.org/docs/.");
            return null;
        }
        var normalized = UrlNormalizer.Normalize(value);
        // Normalising drops a trailing slash; in a prefix it says "this folder", so it stays.
        var folder = kind == ExclusionKind.Prefix && new Uri(value).AbsolutePath is { Length: > 1 } path &&
            path.EndsWith('/') && !normalized.EndsWith('/') && !normalized.Contains('?', StringComparison.Ordinal);
        return folder ? normalized + "/" : normalized;
    }

    private static string Noun(ExclusionKind kind) => kind == ExclusionKind.Url ? "URL" : "URL prefix";

    /// <summary>A host as <see cref="UrlNormalizer.Host"/> gives it (lower case, ASCII), or "*." and a name.</summary>
    private static string? HostName(string value)
    {
        if (!value.StartsWith("*.", StringComparison.Ordinal)) return UrlNormalizer.HostName(value);
        return UrlNormalizer.HostName(value[2..]) is { } name && Uri.CheckHostName(name) == UriHostNameType.Dns
            ? "*." + name : null;
    }
}
