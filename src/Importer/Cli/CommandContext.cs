using ContainerNetLib.Domain.Data;
using Microsoft.Extensions.Configuration;

namespace ContainerNetLib.Importer.Cli;

/// <summary>What a command runs with: its output streams and the database it talks to.</summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, string? ConnectionString)
{
    /// <summary>Standard input (passwords with --password-stdin); tests give their own.</summary>
    public TextReader In { get; init; } = Console.In;

    /// <summary>Settings such as LinkHealth:*, from environment variables (LinkHealth__Canaries__0); tests give their
    /// own.</summary>
    public IConfiguration Configuration { get; init; } = new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <summary>Progress is shown only when stderr is the process's own terminal.</summary>
    public bool Interactive => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;

    public PortalDbContext OpenDatabase()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ConfigurationException(
                "ConnectionStrings__Portal is not set; run scripts/postgres.sh start and export the connection " +
                    "string it prints");
        }
        return PortalDatabase.Create(ConnectionString);
    }
}
