namespace ContainerNetLib.Importer.Cli;

/// <summary>The command's output streams; progress is shown only when stderr is a terminal.</summary>
public sealed record CommandConsole(TextWriter Out, TextWriter Error)
{
    public bool Interactive => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;
}
