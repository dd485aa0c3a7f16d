using System.Globalization;
using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Importer.Cli;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Importer.Commands;

/// <summary>
/// tokens create|list|revoke: personal API tokens, for scripts set up by an administrator. The token is printed
/// once, alone on standard output (so <c>TOKEN=$(... tokens create ...)</c> works); only its hash is stored.
/// </summary>
internal sealed class TokensCommand : ICommand
{
    public async Task<int> RunAsync(Arguments arguments, CommandContext context, CancellationToken ct)
    {
        var name = arguments.Option("--name");
        var scopeText = arguments.Option("--scope");
        var daysText = arguments.Option("--expires-days");
        var positional = arguments.Positional();
        if (positional is not [var action, .. var rest])
            throw new UsageException("tokens needs create, list or revoke");
        if ((name ?? scopeText ?? daysText) is not null && action != "create")
            throw new UsageException("--name, --scope and --expires-days are for tokens create");

        await using var db = context.OpenDatabase();
        var now = DateTimeOffset.UtcNow;
        async Task<string> UserIdAsync(string email) =>
            TextField.Email.Problem(email, "The email") is { } wrong ? throw new InvalidInputException(wrong) :
            await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant())
                .Select(u => u.Id).SingleOrDefaultAsync(ct)
            ?? throw new InvalidInputException($"there is no user {email}");
        switch (action, rest)
        {
            case ("create", [var email]):
            {
                var scope = TokenScopes.Parse(
                        scopeText ?? throw new UsageException("tokens create needs --scope read or --scope write"))
                    ?? throw new UsageException($"there is no scope '{scopeText}'; use read or write");
                var days = daysText is null ? (int)ApiTokens.DefaultLifetime.TotalDays
                    : int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d
                    : throw new UsageException($"--expires-days needs a whole number of days, not '{daysText}'");
                var userId = await UserIdAsync(email);
                var expires = now.AddDays(days);
                if (ApiTokens.Problem(name, expires, now) is { } problem) throw new InvalidInputException(problem);
                var (row, token) = await ApiTokens.CreateAsync(db, userId, name!, scope, expires, now, ct);
                await context.Out.WriteLineAsync(token);
                await context.Error.WriteLineAsync(
                    $"Token {row.Id} \"{row.Name}\" for {email}, scope {scope.Name()}, expires {expires:yyyy-MM-dd}. "
                    + "It is shown only now.");
                return 0;
            }
            case ("list", [] or [_]):
            {
                string? userId = null;
                if (rest is [var email]) userId = await UserIdAsync(email);
                foreach (var t in await ApiTokens.ListAsync(db, userId, ct))
                {
                    var state = t.RevokedAt is not null ? "revoked" : t.ExpiresAt <= now ? "expired" : "active";
                    var used = t.LastUsedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never";
                    var number = t.Id.ToString(CultureInfo.InvariantCulture);
                    await context.Out.WriteLineAsync(string.Join('\t', number, t.Owner, t.Name, t.Scope.Name(),
                        $"created {t.CreatedAt:yyyy-MM-dd}", $"last used {used}", $"expires {t.ExpiresAt:yyyy-MM-dd}",
                            state));
                }
                return 0;
            }
            case ("revoke", [var idText]):
            {
                if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    throw new UsageException($"tokens revoke needs a token's number (see tokens list), not '{idText}'");
                if (!await ApiTokens.RevokeAsync(db, id, ownerId: null, now, ct))
                    throw new InvalidInputException($"there is no active token {id}");
                await context.Error.WriteLineAsync($"Revoked token {id}.");
                return 0;
            }
            default:
                throw new UsageException($"tokens {string.Join(' ', positional)}: not a tokens command");
        }
    }
}
