using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Importer.Tests;

public class TokensCommandTests(TestDatabase server)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_token_is_printed_once_stored_as_a_hash_listed_and_revoked_from_the_command_line()
    {
        // Otherwise: an administrator cannot set up a script's token without a browser, or the database holds usable tokens.
        await using var db = await server.CreateAsync();
        await Cli.RunWithInputAsync(db.ConnectionString, Password + "\n", "users", "add", "ed@example.org", "--role", "Editor", "--password-stdin");

        var created = await Cli.RunAsync(db.ConnectionString, "tokens", "create", "ed@example.org", "--name", "feed bot", "--scope", "write",
            "--expires-days", "30");
        Assert.Equal(0, created.ExitCode);
        var token = created.Out.Trim();
        Assert.True(TokenSecret.TryParse(token, out var id, out var secret), created.Out);
        Assert.Contains("shown only now", created.Error);
        await using (var context = db.Open())
        {
            var stored = await context.ApiTokens.AsNoTracking().SingleAsync();
            Assert.Equal(TokenSecret.Hash(secret), stored.SecretHash);
            Assert.Equal(TokenScope.Write, stored.Scope);
            Assert.InRange((stored.ExpiresAt - stored.CreatedAt).TotalDays, 29.9, 30.1);
            Assert.NotNull(await ApiTokens.CheckAsync(context, token, DateTimeOffset.UtcNow));
        }

        var list = await Cli.RunAsync(db.ConnectionString, "tokens", "list", "ed@example.org");
        var line = Assert.Single(list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{id}\ted@example.org\tfeed bot\twrite\tcreated ", line);
        Assert.EndsWith("\tactive", line.TrimEnd('\r'));
        Assert.DoesNotContain(secret, list.Out);

        Assert.Equal(0, (await Cli.RunAsync(db.ConnectionString, "tokens", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ExitCode);
        Assert.EndsWith("\trevoked", (await Cli.RunAsync(db.ConnectionString, "tokens", "list")).Out.Trim());
        await using (var context = db.Open()) Assert.Null(await ApiTokens.CheckAsync(context, token, DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData(new[] { "tokens", "create", "ed@example.org", "--name", "x", "--scope", "admin" }, "there is no scope 'admin'")]
    [InlineData(new[] { "tokens", "create", "ed@example.org", "--name", "x" }, "needs --scope")]
    [InlineData(new[] { "tokens", "create", "ed@example.org", "--scope", "read" }, "Give the token a name")]
    [InlineData(new[] { "tokens", "create", "ed@example.org", "--name", "x", "--scope", "read", "--expires-days", "400" }, "at most one year")]
    [InlineData(new[] { "tokens", "create", "ed@example.org", "--name", "x", "--scope", "read", "--expires-days", "soon" }, "whole number")]
    [InlineData(new[] { "tokens", "create", "nobody@example.org", "--name", "x", "--scope", "read" }, "there is no user nobody@example.org")]
    [InlineData(new[] { "tokens", "revoke", "12" }, "there is no active token 12")]
    [InlineData(new[] { "tokens", "revoke", "twelve" }, "a token's number")]
    [InlineData(new[] { "tokens", "list", "--name", "x" }, "are for tokens create")]
    [InlineData(new[] { "tokens", "burn" }, "not a tokens command")]
    public async Task Bad_input_gets_one_clear_line_and_makes_no_token(string[] args, string expected)
    {
        // Otherwise: a typo makes a token nobody meant, or fails with a stack trace.
        await using var db = await server.CreateAsync();
        await Cli.RunWithInputAsync(db.ConnectionString, Password + "\n", "users", "add", "ed@example.org", "--role", "Editor", "--password-stdin");
        var result = await Cli.RunAsync(db.ConnectionString, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        await using var context = db.Open();
        Assert.Equal(0, await context.ApiTokens.CountAsync());
    }
}
