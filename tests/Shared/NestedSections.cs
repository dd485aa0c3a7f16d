namespace ContainerNetLib.Tests.Shared;

/// <summary>
/// A list whose "Top" section holds a sub-section that holds a sub-sub-section, one entry at each
/// level, and a sibling section beside it: whatever asks for "top" must see three entries, never four.
/// </summary>
public static class NestedSections
{
    public const string Top = "top";

    /// <summary>The titles of the entries under <see cref="Top"/>, at any depth.</summary>
    public static readonly string[] UnderTop = ["Top entry", "Middle entry", "Bottom entry"];

    public const string Beside = "Beside entry";

    /// <param name="baseUrl">Where the entries' links point, e.g. a fixture server's address.</param>
    public static string List(string baseUrl) => $"""
        # Nested

        ## Top

        * 2020-01-01: [Top entry]({baseUrl}/top)

        ### Middle

        * 2020-01-02: [Middle entry]({baseUrl}/middle)

        #### Bottom

        * 2020-01-03: [Bottom entry]({baseUrl}/bottom)

        ## Beside

        * 2020-01-04: [Beside entry]({baseUrl}/beside)

        """;
}
