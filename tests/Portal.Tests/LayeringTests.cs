using ContainerNetLib.Portal.Components;

namespace ContainerNetLib.Portal.Tests;

/// <summary>
/// The portal's layers point one way: features use infrastructure, never the reverse, and no two features need
/// each other (ARCHITECTURE.md). Checked on the compiled assembly, so a fully qualified name or a Razor
/// <c>@using</c> counts as much as a <c>using</c> line.
/// </summary>
public class LayeringTests
{
    private const string Infrastructure = "ContainerNetLib.Portal.Infrastructure";
    private const string Features = "ContainerNetLib.Portal.Features.";

    private static readonly Type[] PortalTypes = typeof(App).Assembly.GetTypes();

    [Fact]
    public void No_infrastructure_type_uses_a_feature()
    {
        // Otherwise: a change to one feature breaks the caching, compression or headers every page goes through,
        // and a newcomer looking for where a feature is wired finds it inside the infrastructure.
        var wrong = PortalTypes
            .Where(type => IsIn(TypeReferences.Owner(type), Infrastructure))
            .SelectMany(type => TypeReferences.Of(type)
                .Where(used => FeatureOf(used) is not null)
                .Select(used => $"{TypeReferences.Owner(type).FullName} uses {used.FullName}"))
            .Distinct()
            .Order()
            .ToList();

        Assert.True(wrong.Count == 0, "Infrastructure must not use Features:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void No_two_features_depend_on_each_other_even_through_others()
    {
        // Otherwise: features that need each other can only be understood, changed or tested together, and the
        // next change to one of them ripples into the others.
        var uses = FeatureUses();
        var groups = DependingOnEachOther(uses.Keys);

        Assert.True(groups.Count == 0, "Features that depend on each other:\n" + string.Join('\n', groups.Select(
            group => string.Join(", ", group) + ":\n  " + string.Join("\n  ", uses
                .Where(use => group.Contains(use.Key.From) && group.Contains(use.Key.To))
                .Select(use => $"{use.Key.From} -> {use.Key.To}: {use.Value}").Order()))));
    }

    /// <summary>Feature to feature, with the types that make each use (for the message).</summary>
    private static Dictionary<(string From, string To), string> FeatureUses()
    {
        var uses = new Dictionary<(string From, string To), string>();
        foreach (var type in PortalTypes)
        {
            var owner = TypeReferences.Owner(type);
            if (FeatureOf(owner) is not { } from) continue;
            foreach (var used in TypeReferences.Of(type))
                if (FeatureOf(used) is { } to && to != from)
                {
                    var use = $"{owner.Name} uses {TypeReferences.Owner(used).Name}";
                    uses[(from, to)] = !uses.TryGetValue((from, to), out var before) ? use
                        : before.Contains(use, StringComparison.Ordinal) ? before : $"{before}; {use}";
                }
        }
        return uses;
    }

    /// <summary>The groups of features each of which reaches every other (a cycle runs through them).</summary>
    private static List<SortedSet<string>> DependingOnEachOther(ICollection<(string From, string To)> uses)
    {
        HashSet<string> Reachable(string from)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>([from]);
            while (stack.TryPop(out var at))
                foreach (var use in uses.Where(use => use.From == at))
                    if (seen.Add(use.To)) stack.Push(use.To);
            return seen;
        }
        var reach = uses.Select(use => use.From).Distinct().ToDictionary(feature => feature, Reachable);
        return reach.Keys.Where(feature => reach[feature].Contains(feature))
            .Select(feature => new SortedSet<string>(reach.Keys.Where(other =>
                reach[feature].Contains(other) && reach[other].Contains(feature))))
            .DistinctBy(group => string.Join(",", group))
            .ToList();
    }

    private static bool IsIn(Type type, string space) =>
        type.Namespace == space || type.Namespace?.StartsWith(space + ".", StringComparison.Ordinal) == true;

    /// <summary>The feature a type belongs to (the folder under Features), or null outside Features.</summary>
    private static string? FeatureOf(Type type)
    {
        var space = TypeReferences.Owner(type).Namespace;
        if (space is null || !space.StartsWith(Features, StringComparison.Ordinal)) return null;
        var rest = space[Features.Length..];
        return rest.Split('.')[0];
    }
}
