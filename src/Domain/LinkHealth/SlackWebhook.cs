using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>
/// One message to a Slack-compatible incoming webhook (JSON with "text"), through a client that dials through the
/// address guard. A failing webhook is logged, never retried into a second message; the address is never logged
/// (it is the webhook's secret).
/// </summary>
public static partial class SlackWebhook
{
    /// <param name="name">How the log names the webhook and the setting that allows an inside one
    /// ("link-health").</param>
    public static async Task PostAsync(HttpClient client, string url, string text, string name, ILogger logger,
        CancellationToken ct)
    {
        try
        {
            // A plain body with a length: some webhook receivers refuse chunked uploads.
            using var body = new StringContent(JsonSerializer.Serialize(new { text }), Encoding.UTF8,
                "application/json");
            using var response = await client.PostAsync(url, body, ct);
            if (!response.IsSuccessStatusCode) LogFailed(logger, name, $"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException e) when ((e as RefusedAddressException ?? e.InnerException) is
            RefusedAddressException refused)
        {
            LogRefused(logger, name, refused.Message);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            LogFailed(logger, name, e.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The {Name} webhook was not sent, its host is inside the network: {Reason}. "
        + "LinkHealth:AllowedNetworks allows an inside network on purpose")]
    private static partial void LogRefused(ILogger logger, string name, string reason);

    [LoggerMessage(LogLevel.Warning, "The {Name} webhook was not delivered: {Reason}")]
    private static partial void LogFailed(ILogger logger, string name, string reason);
}
