
namespace ContainerNetLib.Domain.LinkHealth.Exclusions;

/// <summary>
/// One rule of LinkHealth:Exclude: exactly one of <see cref="Url"/>, <see cref="Host"/> or <see cref="Prefix"/>,
/// a <see cref="Reason"/>, and an optional <see cref="Expires"/> (yyyy-MM-dd). A date kept as text, so that a
/// typo is reported on one line naming the rule rather than as a binder's exception.
/// </summary>
public sealed class ExcludeSetting
{
    public string? Url { get; set; }
    public string? Host { get; set; }
    public string? Prefix { get; set; }
    public string? Reason { get; set; }
    public string? Expires { get; set; }

    /// <summary>The rule, or null and the problems in one sentence each.</summary>
    public ExclusionRule? ToRule(out IReadOnlyList<string> problems)
    {
        (ExclusionKind Kind, string? Value)[] named =
            [(ExclusionKind.Url, Url), (ExclusionKind.Host, Host), (ExclusionKind.Prefix, Prefix)];
        var given = named.Where(g => g.Value is not null).ToList();
        if (given.Count != 1)
        {
            problems = ["give exactly one of Url, Host or Prefix"];
            return null;
        }
        // A configured date may pass while the portal runs or between restarts: the rule then lapses, nothing fails.
        return ExclusionRule.TryCreate(given[0].Kind, given[0].Value, Reason, Expires, notBefore: null, out problems);
    }

    /// <summary>How the validator names the rule: "LinkHealth:Exclude:2 (host 'exa mple.org')".</summary>
    public string Describe(int index)
    {
        var what = Url is not null ? $"url '{Url}'"
            : Host is not null ? $"host '{Host}'"
            : Prefix is not null ? $"prefix '{Prefix}'"
            : "no Url, Host or Prefix";
        return $"{LinkHealthOptions.Section}:Exclude:{index} ({what})";
    }
}
