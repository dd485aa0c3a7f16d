namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>What a check of one URL found; the report groups links by these.</summary>
public enum LinkOutcome
{
    Ok,
    /// <summary>A permanent redirect (301/308): the final URL is proposed as the new one.</summary>
    Redirected,
    /// <summary>404, 410 or an unknown host.</summary>
    Broken,
    /// <summary>5xx after retries.</summary>
    ServerError,
    Timeout,
    TlsError,
    /// <summary>401, 403, 429 or a bot wall: reported, not counted as broken.</summary>
    Blocked,
    InvalidUrl,
    /// <summary>Not http or https (mailto:, ftp:): not checked.</summary>
    Skipped,
    /// <summary>Refused by the SSRF guard: nothing was fetched.</summary>
    Refused,
    /// <summary>A GitHub repository its owners archived (read-only): shown with its last push, never broken.</summary>
    Archived,
}

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
    PageMetadata? Page = null);
