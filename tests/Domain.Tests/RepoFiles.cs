namespace ContainerNetLib.Domain.Tests;

/// <summary>Finds the seed and the shared corpus from wherever the test binary runs.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Seed => Path.Combine(Root, "seeds", "container-networking.md");

    public static string CorpusFolder => Path.Combine(Root, "..", "shared", "corpus");

    public static IEnumerable<string> Corpus() =>
        Directory.EnumerateFiles(CorpusFolder, "*.md").Order();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ContainerNetLib.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ContainerNetLib.sln not found above " + AppContext.BaseDirectory);
    }
}
