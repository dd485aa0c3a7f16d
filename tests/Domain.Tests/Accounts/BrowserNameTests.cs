using ContainerNetLib.Domain.Accounts.Sessions;

namespace ContainerNetLib.Domain.Tests.Accounts;

public class BrowserNameTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
        + "Safari/537.36 Edg/126.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
        + "Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        + "Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0", "Opera on macOS")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("", "An unnamed browser")]
    [InlineData(null, "An unnamed browser")]
    [InlineData("SomethingNew/1.0", "A browser")]
    public void A_session_is_named_by_its_browser_and_system(string? userAgent, string expected)
    {
        // Otherwise: the list of sessions shows Chrome for an Edge browser, or a phone as a desktop, and someone signs
        // out of the wrong one.
        Assert.Equal(expected, BrowserName.Of(userAgent));
    }
}
