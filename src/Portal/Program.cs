using ContainerNetLib.Portal.Components;
using ContainerNetLib.Portal.Features.Api;
using ContainerNetLib.Portal.Features.Feeds;
using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Infrastructure;
using ContainerNetLib.Portal.Infrastructure.Caching;

var builder = WebApplication.CreateBuilder(args);
// Serve static assets from a build too (scripts/run.sh, tests), not only from a publish, in every environment.
builder.WebHost.UseStaticWebAssets();

builder.AddPortalDatabase();
builder.AddReaderCaching();
builder.AddReaderPages();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseRequireHost();
// A cached page is answered first, with the headers it was stored with (security headers, ETag).
app.UseOutputCache();
app.UseContentETags();
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRouting();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.MapReaderApi();
app.MapFeeds();
app.MapPermalinks();
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
