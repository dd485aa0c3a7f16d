using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Settings;
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

    /// <summary><see cref="Configuration"/> with renamed settings' old names read under their new ones
    /// (<see cref="RenamedSettings"/>); each old name met is told on stderr, once.</summary>
    public IConfiguration Settings => _settings ??= WithRenamedSettings();

    private IConfiguration? _settings;

    private IConfiguration WithRenamedSettings()
    {
        var old = RenamedSettings.Find(Configuration);
        foreach (var setting in old.Met) Error.WriteLine(setting.Warning);
        return old.Values.Count == 0 ? Configuration
            : new ConfigurationBuilder().AddConfiguration(Configuration).AddInMemoryCollection(old.Values).Build();
    }

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
