using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serilog.Core;

namespace ContainerNetLib.Portal.Tests.Operations;

// renames: keep old names (these tests set the old keys on purpose).
[Collection(PortalCollection.Name)]
public class RenamedSettingsTests(TestDatabase database)
{
    private const string Deprecated = "Setting {OldKey} is deprecated and was read as {NewKey}: rename it";
    private const string Ignored = "Setting {OldKey} is deprecated and ignored: {NewKey} is set and wins";

    private async Task<(PortalApp App, CapturedLog Log)> StartAsync(Dictionary<string, string?> settings)
    {
        var log = new CapturedLog();
        var app = await PortalApp.StartAsync(database, importSeed: false, settings: settings,
            services: s => s.AddSingleton<ILogEventSink>(log));
        return (app, log);
    }

    [Fact]
    public async Task An_old_saved_copies_key_still_works_and_its_deprecation_is_logged_once()
    {
        // Otherwise: after the upgrade an operator's Archive:Enabled=false is ignored and pages are fetched again,
        // or the log repeats the same warning on every request.
        var (app, sink) = await StartAsync(new() { ["Archive:Enabled"] = "false", ["Archive:MaxTextChars"] = "1234" });
        await using var _ = app;

        var options = app.Services.GetRequiredService<IOptions<SavedCopyOptions>>().Value;
        Assert.False(options.Enabled);
        Assert.Equal(1234, options.MaxTextChars);
        await app.Client().GetAsync("/");
        await app.Client().GetAsync("/search?q=docker");

        var warnings = sink.Events.Where(e => e.MessageTemplate.Text == Deprecated)
            .Select(e => e.Properties["OldKey"].ToString()).Order().ToList();
        Assert.Equal(["\"Archive:Enabled\"", "\"Archive:MaxTextChars\""], warnings);
    }

    [Fact]
    public async Task The_new_saved_copies_key_wins_over_the_old_one_and_the_old_one_is_said_to_be_ignored()
    {
        // Otherwise: an operator who renamed a setting and left the old line in keeps the old value without knowing.
        var (app, sink) = await StartAsync(new() { ["Archive:VersionsKept"] = "2", ["SavedCopies:VersionsKept"] = "7" });
        await using var _ = app;

        Assert.Equal(7, app.Services.GetRequiredService<IOptions<SavedCopyOptions>>().Value.VersionsKept);
        var ignored = Assert.Single(sink.Events, e => e.MessageTemplate.Text == Ignored);
        Assert.Equal("\"Archive:VersionsKept\"", ignored.Properties["OldKey"].ToString());
        Assert.DoesNotContain(sink.Events, e => e.MessageTemplate.Text == Deprecated);
    }
}
