namespace ContainerNetLib.Importer.Cli;

public interface ICommand
{
    Task<int> RunAsync(Arguments arguments, CommandConsole console, CancellationToken ct);
}
