using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Tests.Accounts;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Tests.Operations;

[Collection(PortalCollection.Name)]
public class SharedKeysTests(TestDatabase database)
{
    [Fact]
    public async Task A_sign_in_made_by_one_instance_is_honoured_by_another_on_the_same_database()
    {
        // Otherwise: behind a load balancer an editor is signed out whenever another instance answers.
        var db = await database.CreateAsync();
        await using var first = new PortalApp(db);
        await first.CreateUserAsync("ed@example.org", Roles.Editor);
        var signIn = await first.Browser().LogInAsync("ed@example.org", TestUsers.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cnl.auth=", StringComparison.Ordinal)).Split(';')[0];
        Assert.True(await first.QueryAsync(d => d.DataProtectionKeys.CountAsync()) >= 1);

        await using var second = new PortalApp(db);
        var request = new HttpRequestMessage(HttpMethod.Get, "/link-health/report.csv");
        request.Headers.Add("Cookie", cookie);
        var response = await second.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("section,entry_id", await response.Content.ReadAsStringAsync());
    }
}
