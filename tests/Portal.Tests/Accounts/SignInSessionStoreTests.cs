using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Accounts.Sessions;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Accounts.Sessions;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContainerNetLib.Portal.Tests.Accounts.SignInSessionTests;

namespace ContainerNetLib.Portal.Tests.Accounts;

/// <summary>The sessions table over PostgreSQL: its clock-driven rules, with a clock the test moves.</summary>
[Collection(PortalCollection.Name)]
public class SignInSessionStoreTests(TestDatabase server)
{
    private static readonly SessionClient Firefox = new("Firefox/128.0", "192.0.2.7");

    [Fact]
    public async Task A_session_notes_its_last_visit_at_most_once_a_minute_and_lives_eight_hours_past_it()
    {
        // Otherwise: every page a reader opens costs a write, or a session in daily use ends in the middle of the day.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var userId = await UserIdAsync(app, "ed@example.org");
        var start = DateTimeOffset.UtcNow;
        await using var db = app.Database.Open();
        var key = await SignInSessions.StartAsync(db, userId, Firefox, start);

        var moved = new SessionClient("Chrome/126.0", "198.51.100.9");
        Assert.NotNull(await SignInSessions.CheckAsync(db, key, moved, start.AddSeconds(59)));
        var row = await db.SignInSessions.AsNoTracking().SingleAsync();
        Assert.Equal(start, row.LastSeenAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal("192.0.2.7", row.Address);

        var later = start.AddMinutes(5);
        Assert.NotNull(await SignInSessions.CheckAsync(db, key, moved, later));
        row = await db.SignInSessions.AsNoTracking().SingleAsync();
        Assert.Equal(later, row.LastSeenAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal("198.51.100.9", row.Address);

        Assert.NotNull(await SignInSessions.CheckAsync(db, key, moved, later + TimeSpan.FromHours(8)));
        var unused = later + TimeSpan.FromHours(16) + TimeSpan.FromMinutes(2);
        Assert.Null(await SignInSessions.CheckAsync(db, key, moved, unused));
        Assert.False(await SignInSessions.IsAliveAsync(db, key, unused));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1_")]
    [InlineData("not a key at all")]
    [InlineData("99_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_key_that_is_malformed_unknown_or_guessed_names_no_session(string? key)
    {
        // Otherwise: a cookie with a made-up key signs someone in, or throws and answers 500.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        await using var db = app.Database.Open();
        var real = await SignInSessions.StartAsync(db, await UserIdAsync(app, "ed@example.org"), Firefox,
            DateTimeOffset.UtcNow);
        var guessed = key?.Replace("99_", real.Split('_')[0] + "_", StringComparison.Ordinal);

        Assert.Null(await SignInSessions.CheckAsync(db, guessed, Firefox, DateTimeOffset.UtcNow));
        Assert.False(await SignInSessions.EndAsync(db, guessed));
        Assert.NotNull(await SignInSessions.CheckAsync(db, real, Firefox, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task The_hourly_sweep_removes_expired_sessions_and_keeps_live_ones()
    {
        // Otherwise: the sessions table grows by one row per sign-in, for ever.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var userId = await UserIdAsync(app, "ed@example.org");
        var start = DateTimeOffset.UtcNow;
        string recent;
        await using (var db = app.Database.Open())
        {
            await SignInSessions.StartAsync(db, userId, Firefox, start);
            await SignInSessions.StartAsync(db, userId, Firefox, start.AddMinutes(10));
            recent = await SignInSessions.StartAsync(db, userId, Firefox, start.AddHours(5));
        }
        var time = new SettableTime { Now = start + SignInSessions.Lifetime + TimeSpan.FromMinutes(15) };
        var job = new SessionCleanupJob(app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), time);

        Assert.Equal(2, await job.RemoveExpiredAsync(CancellationToken.None));
        Assert.Equal(0, await job.RemoveExpiredAsync(CancellationToken.None));
        await using (var db = app.Database.Open())
        {
            Assert.Equal(1, await db.SignInSessions.CountAsync());
            Assert.True(await SignInSessions.IsAliveAsync(db, recent, time.Now));
        }
    }
}
