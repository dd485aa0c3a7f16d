using System.ComponentModel.DataAnnotations;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>The checker's limits (configuration section LinkHealth); validated at start-up.</summary>
public sealed class LinkCheckOptions
{
    [Range(0, 10)] public int MaxRedirects { get; set; } = 5;
    [Range(0, 10)] public int MaxRetries { get; set; } = 3;
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")] public TimeSpan RetryBaseDelay { get; set; } =
        TimeSpan.FromSeconds(1);
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")] public TimeSpan RetryAfterCap { get; set; } =
        TimeSpan.FromSeconds(30);
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan ConnectTimeout { get; set; } =
        TimeSpan.FromSeconds(10);
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Decompressed bytes read from an HTML page, at most (up to &lt;/head&gt; otherwise).</summary>
    [Range(1024, 16 * 1024 * 1024)] public int MaxBodyBytes { get; set; } = 1024 * 1024;
    [Required] public string UserAgent { get; set; } = "ContainerNetLib-LinkChecker/1.0";
}
