using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Serilog.Core;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Portal.Tests.Api;

/// <summary>
/// The portal with the LinkSite list, a page not yet in it (/fresh) for prefilling, and API tokens made as the
/// page and the command line make them.
/// </summary>
public static class ApiWriters
{
    public static LinkSite Site() => new((path, _) => path == "/fresh"
        ? Response(200, "OK", "Content-Type: text/html\r\n",
            "<html><head><title>Fresh page</title><meta property=\"og:description\" content=\"All about it\"></head></html>")
        : null);

    public static async Task<PortalApp> StartAsync(TestDatabase server, LinkSite site,
        Dictionary<string, string?>? more = null, ILogEventSink? sink = null)
    {
        var app = await PortalApp.StartAsync(server, importSeed: false, site.Settings(more),
            services: sink is null ? null : s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(s, sink));
        await app.ImportAsync(site.List);
        return app;
    }

    public static async Task<string> TokenAsync(this PortalApp app, string email, TokenScope scope, string name = "deploy")
    {
        await using var db = app.Database.Open();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        return (await ApiTokens.CreateAsync(db, userId, name, scope, now.AddDays(30), now)).Token;
    }

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path,
        string? token, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        if (body is string text) request.Content = new StringContent(text, System.Text.Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static async Task<long> EntryIdAsync(this PortalApp app, string title)
    {
        await using var db = app.Database.Open();
        return await db.Entries.IgnoreQueryFilters().Where(e => e.Title == title).Select(e => e.Id).SingleAsync();
    }

    public static async Task<List<ContentChange>> HistoryAsync(this PortalApp app)
    {
        await using var db = app.Database.Open();
        return await db.ContentChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    public static MediaTypeHeaderValue? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}
