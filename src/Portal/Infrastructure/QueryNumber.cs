using System.Globalization;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// A number typed into an address ("?from=2016"). Pages bind query values as text and read them here:
/// Blazor's own binding of a number throws on "abc" or on a value past the type's range, and that
/// reaches the reader as a server error instead of a sentence about what to type.
/// </summary>
public static class QueryNumber
{
    /// <summary>True for a blank value (<paramref name="value"/> null) or a whole number within min..max.</summary>
    public static bool TryRead(string? text, long min, long max, out long? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
        if (number < min || number > max) return false;
        value = number;
        return true;
    }

    /// <summary>An id in the address (a section's, an entry's); a bad one is explained in problems.</summary>
    public static long? Id(string? text, string label, ICollection<string> problems, long max = long.MaxValue)
    {
        if (TryRead(text, 1, max, out var id)) return id;
        problems.Add($"{label} must be a whole number of at least 1, as in the links on these pages.");
        return null;
    }
}
