using ContainerNetLib.Importer.Cli;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Importer.Commands;

internal sealed class MigrateCommand : ICommand
{
    public async Task<int> RunAsync(Arguments arguments, CommandContext console, CancellationToken ct)
    {
        arguments.Positional();
        await using var db = console.OpenDatabase();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        console.Error.WriteLine(pending.Count == 0
            ? "The database schema is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return 0;
    }
}
