namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// One pass of the link checker over the whole list, a section or one entry. Its URLs are fixed when
/// it starts (<see cref="CheckRunUrl"/>) and split into chunks, each a Hangfire job of its own.
/// </summary>
public sealed class CheckRun
{
    public long Id { get; set; }
    public CheckTrigger Trigger { get; set; }
    /// <summary>"list", "section:{slug}" or "entry:{id}".</summary>
    public required string Scope { get; set; }
    public string? RequestedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Set once, by whichever chunk finishes the last URL.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
    public int UrlCount { get; set; }
    public int ChunkCount { get; set; }
    /// <summary>Null while the run is in progress; set with <see cref="FinishedAt"/>.</summary>
    public RunVerdictKind? Verdict { get; set; }
    /// <summary>Why the run is inconclusive, in words; null for a conclusive run.</summary>
    public string? VerdictReason { get; set; }
    /// <summary>The run's numbers, counted once when it finishes; every view of the run shows these.</summary>
    public RunCounts Counts { get; set; } = new();
    public int NewlyBroken { get; set; }
    /// <summary>When the team was told of the finished run (webhook, archived copies): once, by whoever claims
    /// it.</summary>
    public DateTimeOffset? NotifiedAt { get; set; }
}

public enum RunVerdictKind
{
    /// <summary>The checker reached the network: the results moved the links' states.</summary>
    Conclusive,
    /// <summary>The checker could not reach the network: results kept, no link's state moved.</summary>
    Inconclusive,
}

/// <summary>A finished run's numbers (a complex property of <see cref="CheckRun"/>: columns of check_runs).</summary>
public sealed class RunCounts
{
    public int Ok { get; set; }
    public int Redirected { get; set; }
    /// <summary>URLs whose outcome counts as a failure (gone, server error, no answer at the network level).</summary>
    public int Failed { get; set; }
    /// <summary>Of the failures, those with no answer from the server at all.</summary>
    public int NetworkFailures { get; set; }
    public int Blocked { get; set; }
    /// <summary>Not dialled: not http(s), excluded, refused by the address guard, or not a valid address.</summary>
    public int Skipped { get; set; }
    /// <summary>Pages that answered: working, moved permanently, or in a repository its owners archived.</summary>
    public int Working => Ok + Redirected + Other;
    /// <summary>Working answers other than Ok and Redirected: archived repositories.</summary>
    public int Other { get; set; }
    /// <summary>The run's URLs that count as broken once it finished (accepted ones left out).</summary>
    public int Broken { get; set; }
    /// <summary>The run's URLs that failed but are not broken yet.</summary>
    public int Watching { get; set; }
    public int Hosts { get; set; }
    public int UnreachableHosts { get; set; }
    /// <summary>URLs given their host's network failure without being dialled.</summary>
    public int HostSkipped { get; set; }
}

public enum CheckTrigger
{
    Nightly,
    Manual,
    /// <summary>The command line's link-run: recorded and reported like the nightly run.</summary>
    CommandLine,
}

/// <summary>A URL a run has to check, and the chunk (job) it belongs to.</summary>
public sealed class CheckRunUrl
{
    public long RunId { get; set; }
    public required string NormalizedUrl { get; set; }
    public required string Url { get; set; }
    public required string Host { get; set; }
    public int Chunk { get; set; }
}
