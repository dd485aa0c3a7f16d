using System.Text.Json;
using ContainerNetLib.Importer.Cli;
using Microsoft.Extensions.Configuration;

namespace ContainerNetLib.Importer.Tests;

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;
    public int Count(string name) => Json.GetProperty(name).GetInt32();
}

/// <summary>Runs the importer's command line in process, against one test's database.</summary>
public static class Cli
{
    public static Task<CliResult> RunAsync(string? connectionString, params string[] args) => RunWithInputAsync(connectionString, "", args);

    /// <summary>With text on standard input (a password for --password-stdin).</summary>
    public static async Task<CliResult> RunWithInputAsync(string? connectionString, string input, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandRunner.RunAsync(args, new CommandContext(stdout, stderr, connectionString) { In = new StringReader(input) });
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>With settings as the environment would give them (LinkHealth:*), and nothing from the real environment.</summary>
    public static async Task<CliResult> RunWithSettingsAsync(
        string? connectionString, Dictionary<string, string?> settings, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var exit = await CommandRunner.RunAsync(args, new CommandContext(stdout, stderr, connectionString) { Configuration = configuration });
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public static string TempFile(string content, string extension = ".md")
    {
        var path = Path.Combine(Path.GetTempPath(), $"cnl-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }
}
