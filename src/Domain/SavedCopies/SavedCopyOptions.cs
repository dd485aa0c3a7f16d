using Microsoft.Extensions.Options;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>Saved copies of linked pages (configuration section SavedCopies); validated at start-up.</summary>
public sealed class SavedCopyOptions
{
    public const string Section = "SavedCopies";

    /// <summary>False: no page is fetched for a copy, and no copy is shown.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Decompressed bytes of one page or PDF, at most; a larger one gets no copy.</summary>
    public int MaxPageBytes { get; set; } = 5 * 1024 * 1024;
    /// <summary>Characters of extracted text kept per copy; the rest is cut.</summary>
    public int MaxTextChars { get; set; } = 200_000;
    /// <summary>Versions kept per URL (the newest); a pruning job deletes the older ones.</summary>
    public int VersionsKept { get; set; } = 3;
    /// <summary>Below this similarity between a copy and the page's new text, the page counts as changed beyond
    /// recognition.</summary>
    public double ChangeAlertSimilarity { get; set; } = 0.3;
}

/// <summary>One line per bad value, each naming its setting and what it may be.</summary>
public sealed class SavedCopyOptionsValidator : IValidateOptions<SavedCopyOptions>
{
    public ValidateOptionsResult Validate(string? name, SavedCopyOptions options)
    {
        var failures = new List<string>();
        if (options.MaxPageBytes is < 1024 or > 100 * 1024 * 1024)
            failures.Add($"SavedCopies:MaxPageBytes {options.MaxPageBytes} must be between 1024 and 104857600 (100 MB)");
        // PostgreSQL's search vector of a copy holds at most 1 MB: a longer text could not be stored at all.
        if (options.MaxTextChars is < 100 or > 500_000)
            failures.Add($"SavedCopies:MaxTextChars {options.MaxTextChars} must be between 100 and 500000");
        if (options.VersionsKept is < 1 or > 100)
            failures.Add($"SavedCopies:VersionsKept {options.VersionsKept} must be between 1 and 100");
        if (double.IsNaN(options.ChangeAlertSimilarity) || options.ChangeAlertSimilarity is < 0 or > 1)
            failures.Add($"SavedCopies:ChangeAlertSimilarity {options.ChangeAlertSimilarity} must be between 0 and 1");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
