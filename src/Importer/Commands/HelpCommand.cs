using ContainerNetLib.Importer.Cli;

namespace ContainerNetLib.Importer.Commands;

internal sealed class HelpCommand : ICommand
{
    public Task<int> RunAsync(Arguments arguments, CommandContext console, CancellationToken ct)
    {
        console.Out.WriteLine(CommandRunner.Usage);
        return Task.FromResult(0);
    }
}
