using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.Telemetry;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.Suggestions;

/// <summary>
/// Tells the team about each new suggestion and each decision (Suggestions:WebhookUrl, Slack-compatible, through the
/// same guarded client as the link-health webhook) and counts suggestions by outcome on /metrics.
/// </summary>
public sealed class SuggestionNotifier(IHttpClientFactory clients, IOptions<SuggestionOptions> options,
    IOptions<LinkHealthOptions> health, ILogger<SuggestionNotifier> logger)
{
    public const string Queue = "/admin/suggestions";

    public Task SuggestedAsync(Suggestion suggestion, string sectionTitle, string who, string check,
        CancellationToken ct)
    {
        PortalMetrics.Suggestion("queued");
        return PostAsync($"New suggestion by {who} for {sectionTitle}: {suggestion.Title ?? suggestion.Url}\n" +
            $"{suggestion.Url} ({check})" + (suggestion.Why is { } why ? $"\nWhy: {why}" : "") +
            $"\nReview: {Absolute(Queue)}", ct);
    }

    public Task DecidedAsync(Suggestion suggestion, string editor, CancellationToken ct)
    {
        PortalMetrics.Suggestion(suggestion.State == SuggestionState.Accepted ? "accepted" : "declined");
        var decision = suggestion.State == SuggestionState.Accepted
            ? "accepted"
            : $"declined ({suggestion.DeclineReason})";
        return PostAsync($"{editor} {decision} the suggestion {suggestion.Title ?? suggestion.Url}\n{suggestion.Url}",
            ct);
    }

    /// <summary>Outcomes that post nothing, counted only.</summary>
    public static void Counted(SuggestOutcome outcome) => PortalMetrics.Suggestion(outcome switch
    {
        SuggestOutcome.NameAdded => "name_added",
        SuggestOutcome.InTheList => "in_the_list",
        SuggestOutcome.TooMany => "too_many",
        _ => "refused",
    });

    private string Absolute(string path) => health.Value.PublicUrl is { Length: > 0 } site
        ? new Uri(new Uri(site), path).AbsoluteUri
        : path;

    private Task PostAsync(string text, CancellationToken ct) => options.Value.WebhookUrl is { Length: > 0 } url
        ? SlackWebhook.PostAsync(clients.CreateClient(LinkCheckingServices.WebhookClient), url, text, "suggestions",
            logger, ct)
        : Task.CompletedTask;
}
