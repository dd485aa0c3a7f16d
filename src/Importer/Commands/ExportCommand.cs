using System.Text;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Importer.Cli;

namespace ContainerNetLib.Importer.Commands;

internal sealed class ExportCommand : ICommand
{
    public async Task<int> RunAsync(Arguments arguments, CommandContext console, CancellationToken ct)
    {
        var outFile = arguments.Option("--out");
        if (arguments.Positional() is [var extra, ..])
            throw new UsageException($"export takes no file argument ('{extra}'); use --out FILE");
        await using var db = console.OpenDatabase();
        var markdown = await ListExporter.ExportMarkdownAsync(db, ct);
        if (outFile is null)
        {
            await console.Out.WriteAsync(markdown);
            await console.Out.FlushAsync(ct);
            return 0;
        }
        // Written beside the target and moved into place, so a failed export never leaves half a file.
        var full = Path.GetFullPath(outFile);
        var temporary = full + ".tmp-" + Environment.ProcessId;
        await File.WriteAllTextAsync(temporary, markdown, new UTF8Encoding(false), ct);
        File.Move(temporary, full, overwrite: true);
        console.Error.WriteLine($"Exported the reading list to {outFile}.");
        return 0;
    }
}
