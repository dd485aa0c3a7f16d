using System.Diagnostics;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

[Collection(PortalCollection.Name)]
public class ConfigurationTests(TestDatabase database)
{
    [Theory]
    [InlineData("LinkHealth__Cron", "every night", "LinkHealth:Cron 'every night' is not a cron expression")]
    [InlineData("LinkHealth__TimeZone", "Mars/Olympus", "LinkHealth:TimeZone 'Mars/Olympus' is not a time zone")]
    [InlineData("LinkHealth__ArchiveBaseUrl", "ftp://archive", "LinkHealth:ArchiveBaseUrl 'ftp://archive' is not an http(s) URL")]
    [InlineData("LinkHealth__FailuresBeforeBroken", "0", "FailuresBeforeBroken")]
    [InlineData("LinkHealth__Exclude__0__Url", "example.org",
        "LinkHealth:Exclude:0 (url 'example.org'): 'example.org' is not an http(s) URL")]
    [InlineData("LinkHealth__WebhookUrl", "http://169.254.169.254/hook",
        "LinkHealth:WebhookUrl is refused by the address guard (169.254.169.254 is link-local (cloud metadata))")]
    [InlineData("LinkHealth__GitHub__ApiBaseUrl", "ftp://api", "LinkHealth:GitHub:ApiBaseUrl 'ftp://api' is not an http(s) URL")]
    [InlineData("LinkHealth__GitHub__PerMinute", "0", "PerMinute")]
    [InlineData("LinkHealth__GitHub__Token", "ghp_one two", "LinkHealth:GitHub:Token contains spaces or line breaks")]
    [InlineData("Api__WritesPerMinute", "0", "Api:WritesPerMinute must be between 1 and 100000")]
    [InlineData("Api__WritesPerMinute", "lots", "value 'lots' at 'Api:WritesPerMinute'")]
    [InlineData("LinkHealth__FailuresBeforeBroken", "two", "value 'two' at 'LinkHealth:FailuresBeforeBroken'")]
    [InlineData("Authentication__AutoRedirect", "true", "Authentication:AutoRedirect needs Authentication:Oidc:Authority")]
    [InlineData("Authentication__Oidc__Authority", "http://id.example.org", "Authentication:Oidc:Authority 'http://id.example.org' must be https")]
    [InlineData("Portal__Role", "janitor", "Portal:Role (or --role) 'janitor' is not one of all, web, worker")]
    [InlineData("SavedCopies__VersionsKept", "0", "SavedCopies:VersionsKept 0 must be between 1 and 100")]
    [InlineData("SavedCopies__ChangeAlertSimilarity", "1.5", "SavedCopies:ChangeAlertSimilarity 1.5 must be between 0 and 1")]
    [InlineData("SavedCopies__MaxPageBytes", "10", "SavedCopies:MaxPageBytes 10 must be between 1024 and 104857600")]
    // The saved copies' old name (read as SavedCopies:*), written in capitals as environment variables often are.
    [InlineData("ARCHIVE__VERSIONSKEPT", "0", "SavedCopies:VersionsKept 0 must be between 1 and 100")]
    [InlineData("ReverseProxy__KnownNetworks__0", "10.0.0.1", "ReverseProxy:KnownNetworks has \"10.0.0.1\", which is not a network")]
    [InlineData("Portal__PublicUrl", "list.example.org", "Portal:PublicUrl 'list.example.org' is not an http(s) address")]
    [InlineData("Portal__PublicUrl", "https://list.example.org/portal", "Portal:PublicUrl 'https://list.example.org/portal' is not")]
    [InlineData("Portal__AllowedHosts__0", "https://list.example.org", "Portal:AllowedHosts has 'https://list.example.org', which is not a host name")]
    [InlineData("Reading__NewForDays", "0", "Reading:NewForDays must be a number of days from 1 to 3650")]
    [InlineData("Reading__VisitGapMinutes", "1", "Reading:VisitGapMinutes must be a number of minutes from 5 to 1440")]
    public async Task A_bad_setting_stops_the_portal_with_one_line_naming_it(string variable, string value, string expected)
    {
        // Otherwise: the nightly check silently never runs, or an operator reads a stack trace to find the typo.
        await using var db = await database.CreateAsync();
        var portal = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ContainerNetLib.Portal.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        portal.Environment["ConnectionStrings__Portal"] = db.ConnectionString;
        portal.Environment[variable] = value;
        using var process = Process.Start(portal)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", stderr + await stdout);
    }
}
