namespace ContainerNetLib.Tests.Shared;

/// <summary>The repository folder (where ContainerNetLib.sln is), found from wherever the tests run.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Seed => System.IO.Path.Combine(Path, "seeds", "container-networking.md");

    /// <summary>
    /// A copy of the seed that curators never edit: tests that change known lines of a list, or count
    /// its sections and entries, read this one, so an edit to the shipped seed does not break them.
    /// </summary>
    public static string FixedList => System.IO.Path.Combine(Path, "tests", "Shared", "Lists", "fixed-list.md");

    public static string Corpus => System.IO.Path.Combine(Path, "..", "shared", "corpus");

    /// <summary>The real reading lists beside the repository (../shared/corpus/*.md), in name order.</summary>
    public static IEnumerable<string> CorpusFiles() => Directory.EnumerateFiles(Corpus, "*.md").Order();

    /// <summary>Every real list, the top folder's and those of other shapes (shapes/: tables, HTML, prose, a byte
    /// order mark, CRLF), as paths relative to <see cref="Corpus"/>, in name order.</summary>
    public static IEnumerable<string> EveryCorpusFile() =>
        Directory.EnumerateFiles(Corpus, "*.md", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Corpus, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ContainerNetLib.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ContainerNetLib.sln not found above " + AppContext.BaseDirectory);
    }
}
