using ContainerNetLib.Domain.LinkHealth.GitHub;

namespace ContainerNetLib.Domain.Tests.LinkHealth.GitHub;

public class GitHubRepoLinkTests
{
    [Theory]
    [InlineData("https://github.com/octo/live", "octo", "live", true)]
    [InlineData("https://github.com/octo/live/", "octo", "live", true)]
    [InlineData("https://www.github.com/Octo/Live.git", "Octo", "Live", true)]
    [InlineData("https://github.com/octo/live#readme", "octo", "live", true)]
    [InlineData("https://github.com/octo/live/blob/main/docs/a.md?plain=1", "octo", "live", false)]
    [InlineData("http://github.com/octo/my_repo.js", "octo", "my_repo.js", true)]
    public void A_link_into_a_repository_names_its_owner_and_repository(
        string url, string owner, string repo, bool repositoryPage)
    {
        // Otherwise: the API is asked about the wrong repository, and a working link is reported gone.
        var link = GitHubRepoLink.Parse(url);

        Assert.NotNull(link);
        Assert.Equal((owner, repo, repositoryPage), (link.Owner, link.Repo, link.IsRepositoryPage));
    }

    [Theory]
    [InlineData("https://github.com/octo")]
    [InlineData("https://github.com/orgs/octo/repositories")]
    [InlineData("https://github.com/topics/networking")]
    [InlineData("https://github.com/features/actions")]
    [InlineData("https://gist.github.com/octo/abc123")]
    [InlineData("https://docs.github.com/en/rest")]
    [InlineData("https://github.community/octo/live")]
    [InlineData("https://user@github.com/octo/live")]
    [InlineData("ftp://github.com/octo/live")]
    [InlineData("https://github.com/-octo/live")]
    public void A_link_that_is_not_a_repository_is_left_to_the_ordinary_check(string url)
    {
        // Otherwise: GitHub's own pages (/topics, /orgs) are looked up as repositories, 404, and are reported broken.
        Assert.Null(GitHubRepoLink.Parse(url));
    }

    [Fact]
    public void A_moved_repository_keeps_the_place_inside_it()
    {
        // Otherwise: "use the new URL" on a link to a file sends readers to the repository's front page.
        var link = GitHubRepoLink.Parse("https://www.github.com/octo/before/blob/main/README.md?plain=1#usage")!;

        Assert.Equal("https://github.com/neworg/after/blob/main/README.md?plain=1#usage", link.MovedTo("neworg/after"));
    }
}
