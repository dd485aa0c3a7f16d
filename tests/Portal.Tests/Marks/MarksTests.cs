using System.Net;
using System.Text.Json;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Marks;

/// <summary>The personal endpoint and the member's writes (issue 24 §3), on real PostgreSQL.</summary>
[Collection(PortalCollection.Name)]
public class MarksTests(TestDatabase server)
{
    [Fact]
    public async Task An_import_of_three_entries_shows_three_new_in_their_section_until_Mark_all_as_read_for_that_member_only()
    {
        // Otherwise: a member is not told what was added since they last looked, "Mark all as read" does nothing, or it
        // clears another member's marks too.
        await using var app = await PortalApp.StartAsync(server);
        var first = await Member.SignInAsync(app);
        var second = await Member.SignInAsync(app);
        Assert.Empty(await first.NewCountsAsync());
        Assert.Empty(await second.NewCountsAsync());

        var added = await Member.ImportThreeNewAsync(app);
        var (sectionId, slug) = await Member.SectionOfAsync(app, added[0]);
        Assert.Equal(new Dictionary<string, int> { [$"/sections/{slug}"] = 3 }, await first.NewCountsAsync());
        Assert.Equal(added, Member.Ids(await first.MarksAsync(sectionId), "new").Order());

        var readAll = await first.PostAsync("/account/marks/read-all");
        Assert.True(readAll.StatusCode == HttpStatusCode.NoContent, await readAll.Content.ReadAsStringAsync());
        Assert.Empty(await first.NewCountsAsync());
        Assert.Empty(Member.Ids(await first.MarksAsync(sectionId), "new"));
        Assert.Empty(Member.Ids(await first.MarksAsync(sectionId), "unread"));
        Assert.Equal(new Dictionary<string, int> { [$"/sections/{slug}"] = 3 }, await second.NewCountsAsync());
    }

    [Fact]
    public async Task A_member_marks_one_entry_read_or_unread_and_keeps_it_for_later_without_touching_another_members()
    {
        // Otherwise: the per-entry controls do nothing, undo nothing, or one member's marks show on another's pages.
        await using var app = await PortalApp.StartAsync(server);
        var member = await Member.SignInAsync(app);
        var other = await Member.SignInAsync(app);
        await member.MarksAsync();
        await other.MarksAsync();
        var added = await Member.ImportThreeNewAsync(app);
        var (section, _) = await Member.SectionOfAsync(app, added[0]);

        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsync("/account/marks/read", added[0])).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsync("/account/read-later", added[1])).StatusCode);
        var marks = await member.MarksAsync(section);
        Assert.Equal(added[1..], Member.Ids(marks, "new").Order());
        Assert.DoesNotContain(added[0], Member.Ids(marks, "unread"));
        Assert.Equal([added[1]], Member.Ids(marks, "later"));

        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsync("/account/marks/unread", added[0])).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await member.PostAsync("/account/read-later/remove", added[1])).StatusCode);
        marks = await member.MarksAsync(section);
        Assert.Equal(added, Member.Ids(marks, "new").Order());
        Assert.Contains(added[0], Member.Ids(marks, "unread"));
        Assert.Empty(Member.Ids(marks, "later"));

        // An old entry (there before the first visit) marked unread by hand is unread, though not new.
        var old = Member.Ids(await member.MarksAsync(section), "new").Length;
        await using (var db = app.Database.Open())
        {
            var oldEntry = await db.Entries.Where(e => e.SectionId == section && !added.Contains(e.Id))
                .Select(e => e.Id).FirstAsync();
            await member.PostAsync("/account/marks/unread", oldEntry);
            marks = await member.MarksAsync(section);
            Assert.Contains(oldEntry, Member.Ids(marks, "unread"));
            Assert.DoesNotContain(oldEntry, Member.Ids(marks, "new"));
            Assert.Equal(old, Member.Ids(marks, "new").Length);
        }

        var others = await other.MarksAsync(section);
        Assert.Equal(added, Member.Ids(others, "new").Order());
        Assert.Empty(Member.Ids(others, "later"));
    }

    [Fact]
    public async Task The_personal_endpoint_is_never_cached_and_refuses_anyone_not_signed_in()
    {
        // Otherwise: a shared cache hands one member's marks (and antiforgery token) to the next person, or an
        // anonymous script learns something.
        await using var app = await PortalApp.StartAsync(server);
        var member = await Member.SignInAsync(app);
        var response = await member.Browser.GetAsync("/account/marks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store, private", response.Headers.CacheControl?.ToString());
        Assert.Null(response.Headers.ETag);

        var anonymous = app.Browser();
        Assert.True((await anonymous.GetAsync("/account/export")).IsRefused());
        foreach (var path in new[] { "/account/marks", "/account/marks?section=1" })
        {
            var refused = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("no-store", refused.Headers.CacheControl?.ToString());
            Assert.DoesNotContain("token", await refused.Content.ReadAsStringAsync());
        }
        var post = await anonymous.PostAsync("/account/marks/read-all", new FormUrlEncodedContent([]));
        Assert.True(post.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{post.StatusCode}");
    }

    [Fact]
    public async Task A_write_without_the_pages_token_or_from_another_site_is_refused_and_changes_nothing()
    {
        // Otherwise: any site a member visits can mark the whole list read for them, or fill their read-later list.
        await using var app = await PortalApp.StartAsync(server);
        var member = await Member.SignInAsync(app);
        await member.MarksAsync();
        var added = await Member.ImportThreeNewAsync(app);

        var bare = await member.Browser.PostAsync("/account/marks/read-all", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        var token = (await member.MarksAsync()).GetProperty("token").GetString()!;
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/account/read-later")
        {
            Content = new FormUrlEncodedContent([new("entry", added[0].ToString())]),
        };
        foreign.Headers.Add("RequestVerificationToken", token);
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Browser.SendAsync(foreign)).StatusCode);

        Assert.Equal(3, (await member.NewCountsAsync()).Values.Sum());
        await using var db = app.Database.Open();
        Assert.False(await db.ReadLater.AnyAsync(l => l.UserId == member.UserId));
    }

    [Theory]
    [InlineData("abc", HttpStatusCode.BadRequest, "entry must be an entry's number")]
    [InlineData("", HttpStatusCode.BadRequest, "entry must be an entry's number")]
    [InlineData("99999999", HttpStatusCode.NotFound, "not in the list any more")]
    public async Task A_bad_or_missing_entry_is_told_plainly_and_nothing_is_written(string entry, HttpStatusCode status,
        string message)
    {
        // Otherwise: a stale page's click answers 500, or a mark is kept on an entry that does not exist.
        await using var app = await PortalApp.StartAsync(server);
        var member = await Member.SignInAsync(app);
        foreach (var path in new[] { "/account/marks/read", "/account/marks/unread", "/account/read-later" })
        {
            var token = (await member.MarksAsync()).GetProperty("token").GetString()!;
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new FormUrlEncodedContent([new("entry", entry)]),
            };
            request.Headers.Add("RequestVerificationToken", token);
            var response = await member.Browser.SendAsync(request);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }
        var badSection = await member.Browser.GetAsync("/account/marks?section=first");
        Assert.Equal(HttpStatusCode.BadRequest, badSection.StatusCode);
        await using var db = app.Database.Open();
        Assert.False(await db.ReadMarks.AnyAsync(m => m.UserId == member.UserId));
        Assert.False(await db.ReadLater.AnyAsync(l => l.UserId == member.UserId));
    }

    [Fact]
    public async Task A_retired_entry_cannot_be_marked()
    {
        // Otherwise: a page open since before an editor retired an entry keeps a mark on something no one can see.
        await using var app = await PortalApp.StartAsync(server);
        var member = await Member.SignInAsync(app);
        long retired;
        await using (var db = app.Database.Open())
        {
            retired = await db.Entries.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            await db.Entries.Where(e => e.Id == retired)
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.RetiredAt, DateTimeOffset.UtcNow));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync("/account/marks/read", retired)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync("/account/read-later", retired)).StatusCode);
    }

    [Fact]
    public async Task Twenty_requests_at_once_keep_one_visit_one_mark_and_one_read_later_row()
    {
        // Otherwise: a double click or several open tabs answer 500, or leave duplicate rows that count twice.
        await using var app = await PortalApp.StartAsync(server);
        var member = await Member.SignInAsync(app);
        var token = (await member.MarksAsync()).GetProperty("token").GetString()!;
        long entry;
        await using (var db = app.Database.Open())
            entry = await db.Entries.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var fresh = await Member.SignInAsync(app);
        var firstVisits = await AtOnce.RunAsync(Enumerable.Range(0, 20).Select(_ =>
            (Func<Task<HttpStatusCode>>)(async () => (await fresh.Browser.GetAsync("/account/marks")).StatusCode)));
        Assert.All(firstVisits, s => Assert.Equal(HttpStatusCode.OK, s));
        var writes = await AtOnce.RunAsync(Enumerable.Range(0, 20).Select(i => (Func<Task<HttpStatusCode>>)(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post,
                i % 2 == 0 ? "/account/marks/read" : "/account/read-later")
            {
                Content = new FormUrlEncodedContent([new("entry", entry.ToString())]),
            };
            request.Headers.Add("RequestVerificationToken", token);
            return (await member.Browser.SendAsync(request)).StatusCode;
        })));
        Assert.All(writes, s => Assert.Equal(HttpStatusCode.NoContent, s));
        await using var check = app.Database.Open();
        Assert.Equal(1, await check.MemberVisits.CountAsync(v => v.UserId == fresh.UserId));
        Assert.Equal(1, await check.ReadMarks.CountAsync(m => m.UserId == member.UserId));
        Assert.Equal(1, await check.ReadLater.CountAsync(l => l.UserId == member.UserId));
    }

    [Fact]
    public async Task Deleting_an_account_deletes_its_visit_marks_and_read_later_list_and_no_one_elses()
    {
        // Otherwise: a removed member's reading habits stay in the database, or removing one account wipes another's.
        await using var app = await PortalApp.StartAsync(server);
        var leaving = await Member.SignInAsync(app);
        var staying = await Member.SignInAsync(app);
        long entry;
        await using (var db = app.Database.Open())
            entry = await db.Entries.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        foreach (var member in new[] { leaving, staying })
        {
            await member.PostAsync("/account/marks/read", entry);
            await member.PostAsync("/account/read-later", entry);
            await member.PostAsync("/account/marks/read-all");
            await member.PostAsync("/account/marks/unread", entry);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(leaving.UserId))!)).Succeeded);
        }
        await using var check = app.Database.Open();
        Assert.False(await check.MemberVisits.AnyAsync(v => v.UserId == leaving.UserId));
        Assert.False(await check.ReadMarks.AnyAsync(m => m.UserId == leaving.UserId));
        Assert.False(await check.ReadLater.AnyAsync(l => l.UserId == leaving.UserId));
        Assert.True(await check.MemberVisits.AnyAsync(v => v.UserId == staying.UserId));
        Assert.True(await check.ReadMarks.AnyAsync(m => m.UserId == staying.UserId));
        Assert.True(await check.ReadLater.AnyAsync(l => l.UserId == staying.UserId));
        // The removed member's browser is refused from then on, and nothing is written for them.
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaving.Browser.GetAsync("/account/marks")).StatusCode);
        Assert.False(await check.MemberVisits.AnyAsync(v => v.UserId == leaving.UserId));
    }

    [Fact]
    public async Task The_export_holds_the_members_own_marks_and_read_later_list_and_nobody_elses()
    {
        // Otherwise: a member cannot take their data with them, or the export leaks another member's reading.
        await using var app = await PortalApp.StartAsync(server);
        var member = await Member.SignInAsync(app);
        var other = await Member.SignInAsync(app);
        long[] entries;
        await using (var db = app.Database.Open())
            entries = await db.Entries.OrderBy(e => e.Id).Select(e => e.Id).Take(3).ToArrayAsync();
        await member.PostAsync("/account/marks/read", entries[0]);
        await member.PostAsync("/account/read-later", entries[1]);
        await other.PostAsync("/account/marks/read", entries[2]);

        var response = await member.Browser.GetAsync("/account/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store, private", response.Headers.CacheControl?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(member.Email, export.GetProperty("email").GetString());
        Assert.Equal([entries[0]], export.GetProperty("readMarks").EnumerateArray()
            .Select(m => m.GetProperty("entryId").GetInt64()));
        Assert.Equal([entries[1]], export.GetProperty("readLater").EnumerateArray()
            .Select(m => m.GetProperty("entryId").GetInt64()));
        Assert.True(export.GetProperty("visit").TryGetProperty("lastSeenAt", out _));
        Assert.DoesNotContain(other.Email, export.GetRawText());
    }
}
