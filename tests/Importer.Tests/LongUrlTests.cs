using System.Security.Cryptography;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Importer.Tests;

/// <summary>Links with 10,000-character addresses, wherever they stand: a clear line, never a stack trace, and nothing
/// written when the import is refused.</summary>
public class LongUrlTests(TestDatabase server)
{
    /// <summary>10,000 characters that do not compress: a database index cannot hold them.</summary>
    private static readonly string Long = "https://long.example/" + Convert.ToHexString(RandomNumberGenerator.GetBytes(
        5_000));

    public static TheoryData<string, string> Places() => new()
    {
        { "bullet", $"* [Long]({Long})" },
        { "prose", $"See [Long]({Long}) first." },
        { "html", $"<p><a href=\"{Long}\">Long</a></p>" },
        { "autolink", $"See <{Long}>." },
        { "bullet of 3,000", $"* [Long]({Long[..3_000]})" },
        { "table of 3,000", $"| Name | Note |\n|---|---|\n| [Long]({Long[..3_000]}) | x |" },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public async Task A_url_longer_than_a_web_address_may_be_is_a_warning_with_its_line_or_one_clear_error(
        string place, string markdown)
    {
        // Otherwise: one overlong link in a guide written in prose ends the import with a database error and a stack
        // trace, or half the list is imported.
        await using var db = await server.CreateAsync();
        var path = Cli.TempFile($"# T\n\n* [ok](https://ok.example/)\n\n{markdown}\n");

        var result = await Cli.RunAsync(db.ConnectionString, "import", path);

        Assert.DoesNotContain("   at ", result.Error);
        if (place == "bullet")
        {
            // Over the limit of a bullet's text: refused whole, as any entry that long.
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith($"error: {path}, line 5: an entry of 10,", result.Error);
            Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from entries"));
            return;
        }
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"warning: line \d+: a link of [\d,]+ characters, more than the 2,000 a web address may have, " +
            "is kept as text and not checked", result.Out);
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from links where length(url) > 2000"));
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from links where url = 'https://ok.example/'"));
    }
}
