using System.ComponentModel.DataAnnotations;

namespace ContainerNetLib.Portal.Features.Suggestions;

/// <summary>Section <c>Suggestions</c>: how many links one account may suggest in an hour, and where new suggestions
/// and decisions are posted.</summary>
public sealed class SuggestionOptions
{
    public const string Section = "Suggestions";

    [Range(1, 10_000, ErrorMessage = "Suggestions:PerHour must be between 1 and 10000")]
    public int PerHour { get; set; } = 20;

    /// <summary>A Slack-compatible incoming webhook (JSON with "text"); empty posts nothing.</summary>
    [Url(ErrorMessage = "Suggestions:WebhookUrl must be an absolute http or https address")]
    public string? WebhookUrl { get; set; }
}
