using Bunit;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static ContainerNetLib.Portal.Tests.Accounts.SignInSessionTests;

namespace ContainerNetLib.Portal.Tests.Accounts;

/// <summary>/admin/users rendered by bUnit with the portal's real account services over PostgreSQL.</summary>
[Collection(PortalCollection.Name)]
public class UsersPageTests(TestDatabase server)
{
    [Fact]
    public async Task The_last_administrator_cannot_be_made_an_editor()
    {
        // Otherwise: the only administrator demotes themselves by a slip of the mouse and nobody can manage users.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("admin@example.org", Roles.Admin);
        var adminId = await UserIdAsync(app, "admin@example.org");
        using var context = await UsersPageContextAsync(app, "admin@example.org");
        var page = context.Render<UsersPage>();
        page.WaitForState(() => page.FindAll("tr[data-user]").Count == 1);

        page.Find($"#role-{adminId}").Change(Roles.Editor);

        page.WaitForState(() => page.FindAll(".status-line").Count > 0);
        Assert.Contains("last administrator", page.Find(".status-error").TextContent);
        Assert.Equal("Admin", (await app.Services.GetRequiredService<UserDirectory>().ListAsync()).Single().Role);
    }
}
