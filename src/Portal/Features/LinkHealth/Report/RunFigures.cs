using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;

namespace ContainerNetLib.Portal.Features.LinkHealth.Report;

/// <summary>One number of a run, with the sentence that says what it means.</summary>
public sealed record RunFigure(string Key, string Label, int Count, string Explanation);

/// <summary>
/// The numbers of a finished run, each with its explanation, in one list: the cards, the Markdown and JSON
/// downloads and the API read them from here, so they can never disagree.
/// </summary>
public static class RunFigures
{
    public static IReadOnlyList<RunFigure> Of(RunSummary run, int failuresBeforeBroken)
    {
        var c = run.Counts;
        var held = run.IsInconclusive ? " This run was inconclusive: it moved no link's state." : "";
        return
        [
            new("checked", "Links checked", run.UrlCount, "Each distinct address in the run, checked once."),
            new("working", "Working", c.Working,
                "The page answered (some at a new permanent address, some in a repository its owners archived)."),
            new("failed", "Failed in this run", c.Failed,
                "Gone, a server error, or no answer from the server at all." +
                (c.NetworkFailures > 0 ? $" {c.NetworkFailures} of them got no answer at the network level."
                    : "") + held),
            new("broken", "Broken", c.Broken,
                $"Failed {Domain.Text.Counted.Of(failuresBeforeBroken, "run")} in a row, when this run finished; " +
                    "readers see a " +
                "badge. The list below is as of now: links accepted or excluded since have left it."),
            new("watching", "Failed once (watching)", c.Watching,
                $"Failed, but fewer than {failuresBeforeBroken} runs in a row: watched, not yet broken."),
            new("newlyBroken", "Newly broken", run.NewlyBroken, "Became broken with this run."),
            new("blocked", "Blocked the checker", c.Blocked,
                "The site refused the checker (401, 403, 429, a bot wall); never broken."),
            new("skipped", "Not checked", c.Skipped,
                "Not http(s), excluded by a rule, or refused by the address guard."),
        ];
    }

    /// <summary>The outcome table's rows: each outcome of the run in words, with its count and meaning.</summary>
    public static IEnumerable<(LinkOutcome Outcome, string Label, int Count, string Explanation)> Outcomes(
        IReadOnlyDictionary<LinkOutcome, int> outcomes, int failuresBeforeBroken) =>
        outcomes.OrderBy(o => Order(o.Key)).ThenBy(o => o.Key)
            .Select(o => (o.Key, OutcomeText.Of(o.Key), o.Value, OutcomeText.Explain(o.Key, failuresBeforeBroken)));

    private static int Order(LinkOutcome outcome) => outcome switch
    {
        _ when outcome.IsWorking() => 0,
        _ when LinkStateTransition.IsFailure(outcome) => 1,
        LinkOutcome.Blocked => 2,
        _ => 3,
    };
}
