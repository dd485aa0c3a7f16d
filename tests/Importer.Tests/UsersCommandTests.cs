using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Accounts.Sessions;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Importer.Tests;

public class UsersCommandTests(TestDatabase server)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task The_first_administrator_is_created_listed_reset_and_removed_from_the_command_line()
    {
        // Otherwise: a fresh install has nobody who can sign in to manage anything.
        await using var db = await server.CreateAsync();

        var added = await Cli.RunWithInputAsync(db.ConnectionString, Password + "\n", "users", "add", "admin@example.org", "--role", "admin", "--password-stdin");
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Added admin@example.org as Admin.", added.Error);
        await Cli.RunWithInputAsync(db.ConnectionString, Password + "\n", "users", "add", "ed@example.org", "--role", "Editor", "--password-stdin");

        var list = await Cli.RunAsync(db.ConnectionString, "users", "list");
        Assert.Equal(["admin@example.org\tAdmin", "ed@example.org\tEditor"], list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        await using (var context = db.Open())
        {
            var user = await context.Users.SingleAsync(u => u.Email == "ed@example.org");
            Assert.DoesNotContain(Password, user.PasswordHash);
            user.AccessFailedCount = 5;
            user.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1);
            await context.SaveChangesAsync();
            // Locked out from one address too (the portal's lockout per account and address).
            for (var i = 0; i < AccountRules.MaxFailedSignIns; i++)
                await SignInFailures.RecordAsync(context, user.NormalizedUserName!, "203.0.113.7", DateTimeOffset.UtcNow);
            Assert.True(await SignInFailures.IsLockedOutAsync(context, user.NormalizedUserName!, "203.0.113.7",
                DateTimeOffset.UtcNow));
        }
        var reset = await Cli.RunWithInputAsync(db.ConnectionString, "another long password\n", "users", "reset-password", "ed@example.org", "--password-stdin");
        Assert.Equal(0, reset.ExitCode);
        await using (var context = db.Open())
        {
            var user = await context.Users.AsNoTracking().SingleAsync(u => u.Email == "ed@example.org");
            Assert.Null(user.LockoutEnd);
            Assert.Equal(0, user.AccessFailedCount);
            Assert.False(await SignInFailures.IsLockedOutAsync(context, user.NormalizedUserName!, "203.0.113.7",
                DateTimeOffset.UtcNow));
        }

        Assert.Equal(0, (await Cli.RunAsync(db.ConnectionString, "users", "remove", "ed@example.org")).ExitCode);
        Assert.Equal(["admin@example.org\tAdmin"], (await Cli.RunAsync(db.ConnectionString, "users", "list")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_reader_account_for_a_private_list_is_made_without_a_role()
    {
        // Otherwise: a private list can only be read by people who may also edit it.
        await using var db = await server.CreateAsync();
        var added = await Cli.RunWithInputAsync(db.ConnectionString, Password + "\n", "users", "add", "colleague@example.org", "--role", "reader", "--password-stdin");
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Added colleague@example.org as Reader.", added.Error);
        Assert.Equal(["colleague@example.org\t"], (await Cli.RunAsync(db.ConnectionString, "users", "list")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await using var context = db.Open();
        Assert.Equal(0, await context.UserRoles.CountAsync());
    }

    [Theory]
    [InlineData("short\n", new[] { "users", "add", "a@example.org", "--role", "Editor", "--password-stdin" }, "Passwords must be at least 12 characters")]
    [InlineData("", new[] { "users", "add", "a@example.org", "--role", "Editor", "--password-stdin" }, "no password on standard input")]
    [InlineData(Password + "\n", new[] { "users", "add", "a@example.org", "--role", "Owner", "--password-stdin" }, "there is no role 'Owner'")]
    [InlineData(Password + "\n", new[] { "users", "add", "a@example.org", "--password-stdin" }, "needs --role")]
    [InlineData(Password + "\n", new[] { "users", "add", "a@example.org", "--role", "Editor" }, "--password-stdin")]
    [InlineData("", new[] { "users", "remove", "nobody@example.org" }, "there is no user nobody@example.org")]
    [InlineData("", new[] { "users", "fire", "a@example.org" }, "not a users command")]
    [InlineData("", new[] { "users", "set-role", "a@example.org" }, "needs --role")]
    [InlineData("", new[] { "users", "set-role", "nobody@example.org", "--role", "Editor" },
        "there is no user nobody@example.org")]
    [InlineData("", new[] { "users", "set-role", "a@example.org", "--role", "Owner" }, "there is no role 'Owner'")]
    public async Task Bad_input_gets_one_clear_line_and_changes_nothing(string input, string[] args, string expected)
    {
        await using var db = await server.CreateAsync();
        var result = await Cli.RunWithInputAsync(db.ConnectionString, input, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        await using var context = db.Open();
        Assert.Equal(0, await context.Users.CountAsync());
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_refused()
    {
        await using var db = await server.CreateAsync();
        await Cli.RunWithInputAsync(db.ConnectionString, Password + "\n", "users", "add", "a@example.org", "--role", "Editor", "--password-stdin");
        var again = await Cli.RunWithInputAsync(db.ConnectionString, Password + "\n", "users", "add", "a@example.org", "--role", "Admin", "--password-stdin");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Error);
    }

    [Fact]
    public async Task Set_role_makes_an_editor_a_reader_or_an_administrator()
    {
        // Otherwise: changing someone's role means removing their account and making it again, history and tokens lost.
        await using var db = await server.CreateAsync();
        await Cli.RunWithInputAsync(db.ConnectionString, Password + "\n",
            "users", "add", "ed@example.org", "--role", "Editor", "--password-stdin");

        var reader = await Cli.RunAsync(db.ConnectionString, "users", "set-role", "ed@example.org", "--role", "reader");
        Assert.Equal(0, reader.ExitCode);
        Assert.Contains("ed@example.org is now Reader", reader.Error);
        Assert.Equal(["ed@example.org\t"], await ListAsync(db.ConnectionString));

        foreach (var spelling in new[] { "admin", "Admin" })
            Assert.Equal(0, (await Cli.RunAsync(db.ConnectionString,
                "users", "set-role", "ed@example.org", "--role", spelling)).ExitCode);
        Assert.Equal(["ed@example.org\tAdmin"], await ListAsync(db.ConnectionString));
    }

    private static async Task<string[]> ListAsync(string connectionString) =>
        (await Cli.RunAsync(connectionString, "users", "list")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("reset-password")]
    [InlineData("set-role")]
    [InlineData("remove")]
    public async Task A_new_password_a_new_role_or_a_removal_ends_the_accounts_portal_sessions_at_once(string action)
    {
        // Otherwise: the operator resets a leaked password or removes a departed editor from the command line, and the
        // browsers signed in as them stay signed in to the portal for hours.
        await using var db = await server.CreateAsync();
        foreach (var email in new[] { "ed@example.org", "ann@example.org" })
            await Cli.RunWithInputAsync(db.ConnectionString, Password + "\n",
                "users", "add", email, "--role", "Editor", "--password-stdin");
        var browser = new SessionClient("Firefox/128.0", "192.0.2.7");
        string edsSession, annsSession;
        await using (var context = db.Open())
        {
            var users = await context.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
            var now = DateTimeOffset.UtcNow;
            edsSession = await SignInSessions.StartAsync(context, users["ed@example.org"], browser, now);
            annsSession = await SignInSessions.StartAsync(context, users["ann@example.org"], browser, now);
        }

        var result = action switch
        {
            "reset-password" => await Cli.RunWithInputAsync(db.ConnectionString, "another long password\n",
                "users", "reset-password", "ed@example.org", "--password-stdin"),
            "set-role" => await Cli.RunAsync(db.ConnectionString,
                "users", "set-role", "ed@example.org", "--role", "Reader"),
            _ => await Cli.RunAsync(db.ConnectionString, "users", "remove", "ed@example.org"),
        };
        Assert.Equal(0, result.ExitCode);

        await using (var context = db.Open())
        {
            Assert.Null(await SignInSessions.CheckAsync(context, edsSession, browser, DateTimeOffset.UtcNow));
            Assert.NotNull(await SignInSessions.CheckAsync(context, annsSession, browser, DateTimeOffset.UtcNow));
        }
    }
}
