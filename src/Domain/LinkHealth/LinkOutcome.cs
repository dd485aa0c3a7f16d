namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>What a check of one URL found; the report groups links by these.</summary>
public enum LinkOutcome
{
    Ok,
    /// <summary>A permanent redirect (301/308): the final URL is proposed as the new one.</summary>
    Redirected,
    /// <summary>The server answered that the page is gone: 404, 410, another 4xx, a redirect loop.</summary>
    Broken,
    /// <summary>5xx after retries.</summary>
    ServerError,
    /// <summary>Network level: no answer within the deadline.</summary>
    Timeout,
    /// <summary>Network level: the TLS handshake failed.</summary>
    TlsError,
    /// <summary>401, 403, 429 or a bot wall: reported, not counted as broken.</summary>
    Blocked,
    InvalidUrl,
    /// <summary>Not http or https (mailto:, ftp:): not checked.</summary>
    Skipped,
    /// <summary>Refused by the SSRF guard: nothing was fetched.</summary>
    Refused,
    /// <summary>Network level: the host's name did not resolve.</summary>
    DnsFailure,
    /// <summary>Network level: the connection was refused, unreachable, or reset before an answer.</summary>
    ConnectFailed,
    /// <summary>A GitHub repository its owners archived (read-only): shown with its last push, never broken.</summary>
    Archived,
}

public static class LinkOutcomes
{
    /// <summary>
    /// The page answered: at its address, at the new one it moved to for good, or as a repository its owners
    /// archived (read-only, still there). A reader following the link gets the page; the report's "Working" card
    /// counts these, the outcome table lists them first, and only these are read for a title and saved as copies.
    /// </summary>
    public static readonly IReadOnlyList<LinkOutcome> Working =
        [LinkOutcome.Ok, LinkOutcome.Redirected, LinkOutcome.Archived];

    public static bool IsWorking(this LinkOutcome outcome) => Working.Contains(outcome);

    /// <summary>
    /// The checker got no answer from the server at all. Many of these at once say more about the
    /// checker's own network than about the links (see <see cref="Runs.RunVerdict"/>).
    /// </summary>
    public static bool IsNetworkLevel(this LinkOutcome outcome) =>
        outcome is LinkOutcome.DnsFailure or LinkOutcome.ConnectFailed or LinkOutcome.Timeout or LinkOutcome.TlsError;

    /// <summary>Decided without a request (not http(s), excluded, refused by the guard): says nothing of the
    /// network.</summary>
    public static bool IsUndialled(this LinkOutcome outcome) =>
        outcome is LinkOutcome.Skipped or LinkOutcome.Refused or LinkOutcome.InvalidUrl;
}

/// <param name="HostSkipped">
/// Not dialled: the run had already failed to reach its host at the network level several times in a row,
/// so this URL carries that outcome.
/// </param>
/// <param name="Whole">The page's whole body, when the check was asked to read it (for a saved copy).</param>
public sealed record LinkCheckResult(
    string Url,
    LinkOutcome Outcome,
    int? Status,
    string? FinalUrl,
    IReadOnlyList<string> Redirects,
    bool Downgraded,
    string? ContentType,
    long ElapsedMs,
    string? Error,
    int Attempts,
    PageMetadata? Page = null,
    bool HostSkipped = false,
    WholeBody? Whole = null);
