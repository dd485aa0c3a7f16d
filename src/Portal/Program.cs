using ContainerNetLib.Portal.Components;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Accounts.PrivateMode;
using ContainerNetLib.Portal.Features.Accounts.Sessions;
using ContainerNetLib.Portal.Features.Accounts.SingleSignOn;
using ContainerNetLib.Portal.Features.Accounts.Tokens;
using ContainerNetLib.Portal.Features.Api;
using ContainerNetLib.Portal.Features.Api.Writes;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Portal.Features.Feeds;
using ContainerNetLib.Portal.Features.LinkHealth;
using ContainerNetLib.Portal.Features.Marks;
using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Features.SavedCopies;
using ContainerNetLib.Portal.Features.Search;
using ContainerNetLib.Portal.Features.Suggestions;
using ContainerNetLib.Portal.Infrastructure;
using ContainerNetLib.Portal.Infrastructure.Caching;
using ContainerNetLib.Portal.Infrastructure.Compression;
using ContainerNetLib.Portal.Infrastructure.Database;
using ContainerNetLib.Portal.Infrastructure.Health;
using ContainerNetLib.Portal.Infrastructure.Logging;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    // Before anything reads a setting: an old name (Archive:*) is read under its new one (SavedCopies:*).
    builder.AddRenamedSettings();
    // Read once, from the same configuration as every other setting (appsettings, environment, --role).
    var role = ProcessRoles.Read(builder.Configuration);
    if (role == ProcessRole.Worker)
    {
        // The worker's features: those whose jobs it runs (the checks queue the copies; expired sessions are swept).
        await WorkerHost.RunAsync(args,
            worker => worker.AddLinkHealth(ProcessRole.Worker).AddSavedCopies().AddSessionCleanup());
        return 0;
    }

    // Serve static assets from a build too (scripts/run.sh, tests), not only from a publish, in every environment.
    builder.WebHost.UseStaticWebAssets();

    builder.AddPortalLogging();
    builder.AddReverseProxySupport();
    builder.AddPortalDatabase();
    builder.AddDatabaseUnavailableAnswers();
    builder.AddSharedDataProtectionKeys();
    builder.AddAccounts();
    builder.AddSingleSignOn();
    builder.AddApiTokens();
    builder.AddReaderAccess();
    builder.AddReaderCaching();
    builder.AddReaderCompression();
    builder.AddReaderPages();
    builder.AddReading();
    builder.AddMarks();
    builder.AddSearch();
    builder.AddEditing();
    builder.AddWriteApi();
    builder.AddSuggestions();
    builder.AddLinkHealth(role);
    builder.AddSavedCopies();
    builder.AddPortalHealthChecks();
    builder.AddPortalMetrics();
    builder.Services.AddOpenApi();

    var app = builder.Build();
    // Every options class is checked now, before any hosted service (Hangfire, the cache listener) starts.
    app.Services.GetRequiredService<IStartupValidator>().Validate();

    // Who is asking, and by which name: a named proxy's word first, then only the configured names, HTTPS, and
    // from there on the public address (Portal:PublicUrl) for everything that builds an absolute one.
    app.UseForwardedHeadersFromKnownProxies();
    app.UseRequireHost();
    app.UseHttpsOutsideDevelopment();
    app.UsePublicAddress();
    app.UseMetricsAllowList();
    // Every request is logged, the user id read once the request is done.
    app.UseRequestLogging();
    // A reader carrying no sign-in at all (no cookie, no token) is anonymous before the authentication handler says
    // so: a kept page answers them here, in front of everything below (public mode only).
    app.UseRenderedPageAnswers();
    // Who is asking is known before any other cache answers: signed-in editors are never served a cached page, and a
    // page rendered for them is never stored.
    app.UseAuthentication();
    // A failure of the database answers 503 with Retry-After (a page, or problem+json, re-executed through the
    // compression below), any other failure 500.
    app.UseDatabaseUnavailableAnswers();
    // A sign-in session that could not be checked for the outage answers 503 like the rest.
    app.UseSessionCheckFailures();
    // Private mode (Portal:Readers SignedIn): no one without an account gets past here, so no cache below answers
    // them.
    app.UseReaderAccess();
    // A cached page is answered first, with the headers it was stored with (security headers, ETag): the pages
    // everyone reads kept whole (rendered pages, each with its compressed forms), everything else cacheable from the
    // output cache, after a browser's If-None-Match has been answered for every coding (the output cache knows only
    // the stored one's). Compression is outside the rendered pages' keeping and the output cache, which keep pages
    // uncompressed.
    app.UseReaderCompression();
    app.UseRenderedPages();
    app.UseContentETags();
    app.UseOutputCache();
    app.UseSecurityHeaders();
    app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
    app.UseStatusCodePagesForPagesOnly();
    app.UseRouting();
    app.UseAuthorization();
    // After authorization: the API's write limit is per token, known once the token has been checked.
    app.UseRateLimiter();
    app.UseAntiforgery();
    // Every write from a browser carries its page's antiforgery token, whether or not its endpoint reads a form.
    app.UseCrossSiteRequestGuard();

    app.MapStaticAssets();
    app.MapHealthEndpoints();
    app.MapPortalMetrics();
    app.MapOpenApi();
    app.MapReaderApi();
    app.MapWriteApi();
    app.MapSuggestions();
    app.MapFeeds();
    app.MapPermalinks();
    app.MapAccountEndpoints();
    app.MapMarks();
    app.MapSingleSignOn();
    app.MapLinkHealth();
    app.MapCopyHostSwitches();
    app.MapEditorEndpoints();
    // Our own Content-Security-Policy already forbids framing (frame-ancestors 'none'): no second header from Blazor.
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy =
        null);

    await app.RunAsync();
    return 0;
}
catch (Exception e) when (ConfigurationFailures.Of(e) is { Count: > 0 } failures)
{
    // One line an operator can act on, naming the setting; no stack trace.
    Console.Error.WriteLine($"Configuration error: {string.Join("; ", failures)}");
    return 2;
}

public partial class Program;
