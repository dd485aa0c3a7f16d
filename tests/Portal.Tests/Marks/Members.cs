using System.Net.Http.Json;
using System.Text.Json;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Marks;

/// <summary>A signed-in member as the reader pages' script sees them: their marks, and the writes it makes.</summary>
public sealed record Member(HttpClient Browser, string Email, string UserId)
{
    private const string ThreeNew = "\n* [New one](https://new.example/one)\n* [New two](https://new.example/two)\n" +
        "* [New three](https://new.example/three)\n";

    public static async Task<Member> SignInAsync(PortalApp app, string? role = null)
    {
        var email = $"member-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, role);
        var browser = app.Browser();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await browser.LogInAsync(email, TestUsers.Password)).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email);
        return new Member(browser, email, user!.Id);
    }

    public async Task<JsonElement> MarksAsync(int? section = null)
    {
        var response = await Browser.GetAsync(section is { } id ? $"/account/marks?section={id}" : "/account/marks");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<Dictionary<string, int>> NewCountsAsync() =>
        (await MarksAsync()).GetProperty("newBySection").Deserialize<Dictionary<string, int>>()!;

    public static long[] Ids(JsonElement marks, string list) =>
        [.. marks.GetProperty(list).EnumerateArray().Select(e => e.GetInt64())];

    /// <summary>Posts as the script does: the form field, and the token from the personal endpoint as a header.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(string path, long? entry = null)
    {
        var token = (await MarksAsync()).GetProperty("token").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(entry is { } id ? [new("entry", id.ToString())] : []),
        };
        request.Headers.Add("RequestVerificationToken", token);
        return await Browser.SendAsync(request);
    }

    /// <summary>An import of the seed with three entries added at its end; their ids, in the list's order.</summary>
    public static async Task<long[]> ImportThreeNewAsync(PortalApp app)
    {
        await app.ImportAsync(await File.ReadAllTextAsync(RepoRoot.Seed) + ThreeNew);
        await using var db = app.Database.Open();
        return await db.Entries.Where(e => e.Url!.StartsWith("https://new.example/")).OrderBy(e => e.Id)
            .Select(e => e.Id).ToArrayAsync();
    }

    public static async Task<(int Id, string Slug)> SectionOfAsync(PortalApp app, long entryId)
    {
        await using var db = app.Database.Open();
        return await db.Entries.Where(e => e.Id == entryId).Select(e => new ValueTuple<int, string>(e.SectionId,
            e.Section.Slug)).SingleAsync();
    }
}
