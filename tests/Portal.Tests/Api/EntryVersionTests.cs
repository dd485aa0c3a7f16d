using ContainerNetLib.Portal.Features.Api.Writes;

namespace ContainerNetLib.Portal.Tests.Api;

public class EntryVersionTests
{
    [Theory]
    [InlineData("\"123\"", 123u)]
    [InlineData(" \"123\" ", 123u)]
    [InlineData("W/\"123\"", 123u)]
    [InlineData("\"123-br\"", 123u)]
    [InlineData("W/\"123-gzip\"", 123u)]
    [InlineData("123", null)]
    [InlineData("\"\"", null)]
    [InlineData("\"-1\"", null)]
    [InlineData("\"abc\"", null)]
    [InlineData("\"99999999999\"", null)]
    [InlineData("*", null)]
    [InlineData(null, null)]
    public void If_match_names_the_version_in_every_form_the_etag_is_sent_in(string? ifMatch, uint? expected)
    {
        // Otherwise: a client that got the entry compressed cannot save, or a garbled header is taken as some version.
        Assert.Equal(expected, EntryVersion.Parse(ifMatch));
    }

    [Fact]
    public void The_etag_names_the_version_it_was_made_from()
    {
        // Otherwise: the version a script reads is not the one its PATCH is checked against.
        Assert.Equal(4_000_000_000u, EntryVersion.Parse(EntryVersion.ETag(4_000_000_000u)));
    }
}
