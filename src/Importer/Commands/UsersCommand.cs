using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Importer.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Importer.Commands;

/// <summary>
/// users add|list|remove|reset-password|set-role: accounts for editors, administrators and (for a private list)
/// readers, through Identity's own UserManager with the portal's rules (password length, PBKDF2 iterations) and its
/// user store (a new password or role, or a removal, signs the account out of the portal everywhere at once), so the
/// first administrator can be made before the portal has anyone to manage users.
/// Passwords come from standard input only, never from the command line (shell history, ps).
/// </summary>
internal sealed class UsersCommand : ICommand
{
    public async Task<int> RunAsync(Arguments arguments, CommandContext context, CancellationToken ct)
    {
        var role = arguments.Option("--role");
        var passwordStdin = arguments.Flag("--password-stdin");
        var positional = arguments.Positional();
        if (positional is not [var action, .. var rest])
            throw new UsageException("users needs add, list, remove, reset-password or set-role");
        if (role is not null && action is not ("add" or "set-role"))
            throw new UsageException("--role is for users add and users set-role");

        context.OpenDatabase().Dispose(); // the connection-string check, with its clear message
        await using var services = Services(context.ConnectionString!);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        // Every email here is looked up: one the list cannot hold is refused before PostgreSQL refuses the query.
        if (rest is [var named] && TextField.Email.Problem(named, "The email") is { } wrong)
            throw new InvalidInputException(wrong);
        switch (action, rest)
        {
            case ("list", []):
                foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync(ct))
                {
                    var locked = user.LockoutEnd > DateTimeOffset.UtcNow ? " (locked)" : "";
                    var userRoles = string.Join(",", await users.GetRolesAsync(user));
                    await context.Out.WriteLineAsync($"{user.Email}\t{userRoles}{locked}");
                }
                return 0;
            case ("add", [var email]):
            {
                var canonical = Role(role, action);
                var password = await PasswordAsync(context, passwordStdin);
                if (await users.FindByEmailAsync(email) is not null)
                    throw new InvalidInputException($"a user {email} already exists");
                await EnsureRolesAsync(roles);
                var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
                Check(await users.CreateAsync(user, password), email);
                if (canonical is not null) Check(await users.AddToRoleAsync(user, canonical), email);
                await context.Error.WriteLineAsync($"Added {email} as {canonical ?? "Reader"}.");
                return 0;
            }
            case ("remove", [var email]):
            {
                var user = await users.FindByEmailAsync(email)
                    ?? throw new InvalidInputException($"there is no user {email}");
                Check(await users.DeleteAsync(user), email);
                await context.Error.WriteLineAsync($"Removed {email}; their portal sessions ended with the account.");
                return 0;
            }
            case ("set-role", [var email]):
            {
                var canonical = Role(role, action);
                var user = await users.FindByEmailAsync(email)
                    ?? throw new InvalidInputException($"there is no user {email}");
                Check(await AccountRoles.SetAsync(users, roles, user, canonical), email);
                await context.Error.WriteLineAsync(
                    $"{email} is now {canonical ?? "Reader"}; they are signed out of the portal everywhere.");
                return 0;
            }
            case ("reset-password", [var email]):
            {
                var user = await users.FindByEmailAsync(email)
                    ?? throw new InvalidInputException($"there is no user {email}");
                var password = await PasswordAsync(context, passwordStdin);
                Check(await users.RemovePasswordAsync(user), email);
                Check(await users.AddPasswordAsync(user, password), email);
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                await SignInFailures.ForgetAccountAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(),
                    user.NormalizedUserName!, ct);
                await context.Error.WriteLineAsync(
                    $"Password of {email} reset; the account is unlocked and signed out of the portal everywhere.");
                return 0;
            }
            default:
                throw new UsageException($"users {string.Join(' ', positional)}: not a users command");
        }
    }

    /// <summary>The role --role names (null for a reader, who holds none: an account that may read a private list,
    /// Portal:Readers SignedIn).</summary>
    private static string? Role(string? role, string action)
    {
        if (role is null)
            throw new UsageException($"users {action} needs --role Admin, --role Editor or --role Reader");
        if (string.Equals(role, "Reader", StringComparison.OrdinalIgnoreCase)) return null;
        return Roles.Find(role) ?? throw new UsageException($"there is no role '{role}'; use Admin, Editor or Reader");
    }

    private static async Task<string> PasswordAsync(CommandContext context, bool passwordStdin)
    {
        if (!passwordStdin) throw new UsageException("give the password on standard input with --password-stdin");
        var password = (await context.In.ReadLineAsync())?.TrimEnd('\r');
        return string.IsNullOrEmpty(password) ? throw new InvalidInputException("no password on standard input")
            : password;
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var name in Roles.All)
            if (!await roles.RoleExistsAsync(name)) await roles.CreateAsync(new IdentityRole(name));
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded) throw new
            InvalidInputException($"{email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<PortalDbContext>(options => PortalDatabase.Configure(options, connectionString));
        services.AddIdentityCore<IdentityUser>(AccountRules.Configure)
            .AddRoles<IdentityRole>()
            .AddPortalStores();
        services.Configure<PasswordHasherOptions>(AccountRules.Configure);
        return services.BuildServiceProvider();
    }
}
