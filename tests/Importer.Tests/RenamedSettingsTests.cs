using ContainerNetLib.Importer.Cli;
using Microsoft.Extensions.Configuration;

namespace ContainerNetLib.Importer.Tests;

// renames: keep old names (this test sets an old key on purpose).
public class RenamedSettingsTests
{
    [Fact]
    public void A_command_reads_an_old_saved_copies_key_under_its_new_name_and_says_so_once()
    {
        // Otherwise: a nightly link-run configured with Archive__Enabled=false saves copies again after the upgrade.
        var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Archive:Enabled"] = "false" };
        var context = new CommandContext(TextWriter.Null, error, null)
        {
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
        };

        Assert.Equal("false", context.Settings["SavedCopies:Enabled"]);
        Assert.Equal("false", context.Settings["SavedCopies:Enabled"]);
        Assert.Equal(["setting Archive:Enabled is deprecated and was read as SavedCopies:Enabled: rename it"],
            error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
