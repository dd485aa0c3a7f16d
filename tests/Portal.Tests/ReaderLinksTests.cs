using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Tests;

public class ReaderLinksTests
{
    [Theory]
    [InlineData("list", "/")]
    [InlineData("section:docker-networking", "/sections/docker-networking")]
    [InlineData("entry:42", "/entries/42")]
    public void A_check_leads_to_the_page_it_covers(string scope, string path)
    {
        // Otherwise: the link beside a run in progress opens the wrong page, or none.
        Assert.Equal(path, ReaderLinks.Of(CheckScope.TryParse(scope)!));
    }
}
