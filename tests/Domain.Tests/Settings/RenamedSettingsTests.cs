using ContainerNetLib.Domain.Settings;
using Microsoft.Extensions.Configuration;

namespace ContainerNetLib.Domain.Tests.Settings;

// renames: keep old names (these tests set the old keys on purpose).
public class RenamedSettingsTests
{
    private static OldSettings Find(params (string Key, string Value)[] settings) => RenamedSettings.Find(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build());

    [Fact]
    public void An_old_key_is_read_under_its_new_name_when_the_new_one_is_not_set()
    {
        // Otherwise: an operator's Archive:Enabled=false stops working after the upgrade and pages are fetched again.
        var old = Find(("Archive", ""), ("Archive:Enabled", "false"), ("ARCHIVE:MAXTEXTCHARS", "1234"));

        Assert.Equal("false", old.Values["SavedCopies:Enabled"]);
        Assert.Equal("1234", old.Values["SavedCopies:MaxTextChars"]);
        Assert.Equal(2, old.Met.Count);
        Assert.All(old.Met, m => Assert.False(m.Overridden));
        Assert.Contains(old.Met, m => m.OldKey == "Archive:Enabled" && m.NewKey == "SavedCopies:Enabled");
    }

    [Fact]
    public void The_new_key_wins_and_the_old_one_is_reported_as_ignored()
    {
        // Otherwise: a setting the operator changed under its new name keeps its old value, with nothing said.
        var old = Find(("Archive:VersionsKept", "2"), ("SavedCopies:VersionsKept", "7"));

        Assert.Empty(old.Values);
        var met = Assert.Single(old.Met);
        Assert.True(met.Overridden);
        Assert.Contains("ignored", met.Warning);
    }

    [Fact]
    public void Nothing_is_added_or_reported_without_old_keys()
    {
        // Otherwise: every start-up warns about a deprecated setting nobody set.
        var old = Find(("SavedCopies:Enabled", "false"), ("LinkHealth:ArchiveBaseUrl", "https://archive.example/"));

        Assert.Empty(old.Values);
        Assert.Empty(old.Met);
    }
}
