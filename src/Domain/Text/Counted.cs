namespace ContainerNetLib.Domain.Text;

/// <summary>"1 link", "3 links", "1 entry", "2 entries": a number with its noun, for every page and message that
/// counts.</summary>
public static class Counted
{
    public static string Of(int count, string one, string? many = null) =>
        $"{count} {(count == 1 ? one : many ?? one + "s")}";
}
