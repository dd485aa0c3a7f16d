namespace ContainerNetLib.Importer.Cli;

public interface ICommand
{
    Task<int> RunAsync(Arguments arguments, CommandContext console, CancellationToken ct);
}
