using ContainerNetLib.Importer.Commands;

namespace ContainerNetLib.Importer.Cli;

/// <summary>Dispatches a command and turns every failure into one line on stderr and an exit code.</summary>
public static class CommandRunner
{
    public const string Usage = """
        usage: ContainerNetLib.Importer <command>
          migrate                              apply database migrations
          import <file> [--dry-run] [--json]   import a reading list (idempotent, one transaction)
          export [--out FILE]                  write the whole list as Markdown (stdout by default)
          check-links [--url URL ...] [--urls-file FILE] [--section SLUG] [--allow-private] [--json]
                      [--per-host N] [--overall N] [--min-delay-ms N]
                                               check links now: the given URLs, a section, or the whole list
          link-run [--section SLUG] [--json]   a recorded run, as the nightly job does it (LinkHealth__* settings);
                                               exit 4 when it is inconclusive (the checker could not reach the network)
          users add <email> --role Admin|Editor|Reader --password-stdin
          users list | users remove <email> | users reset-password <email> --password-stdin
          users set-role <email> --role Admin|Editor|Reader
                                               editors' and administrators' accounts
          tokens create <email> --name NAME --scope read|write [--expires-days N]
          tokens list [<email>] | tokens revoke <id>
                                               personal API tokens (printed once when made; at most 365 days)
        The database is ConnectionStrings__Portal (environment).
        """;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, new CommandContext(stdout, stderr,
            Environment.GetEnvironmentVariable("ConnectionStrings__Portal")));

    public static async Task<int> RunAsync(string[] args, CommandContext context)
    {
        try
        {
            var arguments = new Arguments(args);
            ICommand command = arguments.Command switch
            {
                "migrate" => new MigrateCommand(),
                "import" => new ImportCommand(),
                "export" => new ExportCommand(),
                "check-links" => new CheckLinksCommand(),
                "link-run" => new LinkRunCommand(),
                "users" => new UsersCommand(),
                "tokens" => new TokensCommand(),
                "help" or "--help" or "-h" => new HelpCommand(),
                null => throw new UsageException("no command given"),
                var other => throw new UsageException($"unknown command '{other}'"),
            };
            return await command.RunAsync(arguments, context, CancellationToken.None);
        }
        catch (Exception e) when (Failure.Describe(e) is { } failure)
        {
            context.Error.WriteLine($"error: {failure.Message}");
            if (e is UsageException) context.Error.WriteLine(Usage);
            return failure.ExitCode;
        }
    }
}
