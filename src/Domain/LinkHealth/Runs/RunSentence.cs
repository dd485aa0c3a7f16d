using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Text;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>A finished run's numbers in one line of words, the same in the webhook, the report and the command
/// line.</summary>
public static class RunSentence
{
    public static string Of(CheckRun run)
    {
        var c = run.Counts;
        var parts = new List<string>
        {
            $"{Counted.Of(run.UrlCount, "URL")} checked",
            $"{c.Working} working",
            $"{c.Failed} failed" + (c.NetworkFailures > 0 ? $" ({c.NetworkFailures} with no answer from the server)"
                : ""),
            $"{c.Broken} broken",
        };
        if (c.Blocked > 0) parts.Add($"{c.Blocked} blocked the checker");
        if (c.Skipped > 0) parts.Add($"{c.Skipped} not checked");
        return string.Join(", ", parts) + ".";
    }
}
