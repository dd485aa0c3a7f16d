using System.Runtime.CompilerServices;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Importer.Cli;
using Spectre.Console;

namespace ContainerNetLib.Importer.Commands;

internal sealed class ImportCommand : ICommand
{
    public async Task<int> RunAsync(Arguments arguments, CommandContext console, CancellationToken ct)
    {
        var dryRun = arguments.Flag("--dry-run");
        var json = arguments.Flag("--json");
        var file = arguments.Positional() switch
        {
            [var one] => one,
            [] => throw new UsageException("import needs a Markdown file"),
            _ => throw new UsageException("import takes one file"),
        };

        // Held in a box so the text (twice the file size in memory) can go once it is parsed.
        var markdown = new StrongBox<string?>(MarkdownFile.Read(file));
        await using var db = console.OpenDatabase();
        var summary = await WithProgress(console, async progress =>
        {
            progress.Report("Reading " + Path.GetFileName(file));
            return await new ListImporter(db, TimeProvider.System).ImportAsync(() =>
            {
                var text = markdown.Value!;
                markdown.Value = null;
                try
                {
                    return ReadingListParser.Parse(text);
                }
                catch (RefusedMarkdownException e)
                {
                    throw new InvalidInputException($"{file}, {e.Message}");
                }
            }, dryRun, progress, ct);
        });

        if (json) await console.Out.WriteLineAsync(ImportReport.Json(summary));
        else ImportReport.Write(summary, file, console);
        return 0;
    }

    /// <summary>A spinner on a terminal; nothing when output is redirected, so scripts and --json stay clean.</summary>
    private static async Task<ImportSummary> WithProgress(CommandContext console,
        Func<IProgress<string>, Task<ImportSummary>> work)
    {
        if (!console.Interactive) return await work(new Progress<string>(_ => { }));
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        return await terminal.Status().StartAsync("Importing", async context =>
            await work(new SynchronousProgress(message => context.Status(message))));
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
