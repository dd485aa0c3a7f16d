namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>Each outcome in words, the same on the report, its downloads, the webhook and the command line.</summary>
public static class OutcomeText
{
    public static string Of(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Ok => "working",
        LinkOutcome.Redirected => "moved permanently",
        LinkOutcome.Broken => "gone (404, 410 or another refusal by the server)",
        LinkOutcome.ServerError => "server error",
        LinkOutcome.Timeout => "timed out",
        LinkOutcome.TlsError => "TLS handshake failed",
        LinkOutcome.Blocked => "blocked the checker",
        LinkOutcome.InvalidUrl => "not a valid address",
        LinkOutcome.Skipped => "not checked",
        LinkOutcome.Refused => "refused by the address guard",
        LinkOutcome.DnsFailure => "name not resolved",
        LinkOutcome.ConnectFailed => "connection failed",
        LinkOutcome.Archived => "archived repository",
        _ => outcome.ToString(),
    };

    /// <summary>What the outcome means for the link, in a sentence.</summary>
    public static string Explain(LinkOutcome outcome, int failuresBeforeBroken) => outcome switch
    {
        LinkOutcome.Ok => "The page answered.",
        LinkOutcome.Redirected => "The page answered at a new address that it says is permanent.",
        LinkOutcome.Archived => "The repository still opens, read-only: its owners archived it; never counted as " +
            "broken.",
        LinkOutcome.Blocked => "The site refused the checker (401, 403, 429 or a bot wall); never counted as broken.",
        LinkOutcome.Skipped or LinkOutcome.Refused or LinkOutcome.InvalidUrl => "Not dialled; never counted as broken.",
        _ when outcome.IsNetworkLevel() =>
            $"No answer from the server at all; a failure, broken after {failuresBeforeBroken} failed runs in a row, " +
            "unless most hosts fail alike (then the run is inconclusive).",
        _ => $"A failure; broken after {failuresBeforeBroken} failed runs in a row.",
    };
}
