using System.ComponentModel.DataAnnotations;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>How hard the checker may knock: per host and overall (configuration section LinkHealth).</summary>
public sealed class PolitenessOptions
{
    [Range(1, 16)] public int PerHost { get; set; } = 2;
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")] public TimeSpan MinDelayPerHost { get; set; } =
        TimeSpan.FromMilliseconds(250);
    [Range(1, 512)] public int Overall { get; set; } = 32;
}
