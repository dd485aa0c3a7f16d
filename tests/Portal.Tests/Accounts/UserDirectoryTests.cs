using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Accounts;

[Collection(PortalCollection.Name)]
public class UserDirectoryTests(TestDatabase server)
{
    [Fact]
    public async Task The_users_table_shows_each_users_roles_and_lockout_as_identity_sees_them()
    {
        // Otherwise: an administrator sees a locked-out editor as active (and no Unlock button), or the wrong role.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("zoe@example.org", Roles.Admin);
        await app.CreateUserAsync("ann@example.org", Roles.Editor);
        await app.CreateUserAsync("bob@example.org", Roles.Editor);
        await app.CreateUserAsync("cat@example.org", Roles.Editor);
        var time = new SettableTime();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var bob = (await users.FindByEmailAsync("bob@example.org"))!;
            await users.SetLockoutEndDateAsync(bob, time.Now.AddMinutes(10));
            await users.AddToRoleAsync(bob, Roles.Admin);
            var cat = (await users.FindByEmailAsync("cat@example.org"))!;
            await users.SetLockoutEndDateAsync(cat, time.Now.AddMinutes(-1));
        }
        var directory = new UserDirectory(app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), time);

        var rows = await directory.ListAsync();

        Assert.Equal(["ann@example.org", "bob@example.org", "cat@example.org", "zoe@example.org"], rows.Select(r => r.Email));
        Assert.Equal(["Editor", "Admin, Editor", "Editor", "Admin"], rows.Select(r => r.Role));
        Assert.Equal([false, true, false, false], rows.Select(r => r.LockedOut));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            foreach (var row in rows)
                Assert.Equal(await users.IsLockedOutAsync((await users.FindByIdAsync(row.Id))!), row.LockedOut);
        }

        time.Now += TimeSpan.FromMinutes(11);
        Assert.DoesNotContain(await directory.ListAsync(), r => r.LockedOut);
    }
}
