using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Tests.Shared;

/// <summary>
/// The GitHub REST API as a <see cref="FixtureServer"/> handler, with one repository in each state the checker
/// tells apart: octo/live, octo/old (archived), octo/before (renamed to neworg/after), octo/gone (404),
/// octo/down (500), octo/hang (never answers), octo/escape (redirected to another host), octo/walled (403
/// at the rate limit), octo/revoked (401, as for a token that no longer works).
/// </summary>
public sealed class FakeGitHubApi
{
    public const string LastPush = "2021-06-01T10:00:00Z";

    /// <summary>When set, every answer says the rate limit is used up until then.</summary>
    public DateTimeOffset? ExhaustedUntil { get; set; }

    public object? Answer(string path, int n) => path switch
    {
        "/repos/octo/live" => Ok(Repository("octo/live", archived: false)),
        "/repos/octo/old" => Ok(Repository("octo/old", archived: true)),
        "/repos/octo/before" => Moved("http://127.0.0.1:{port}/repositories/42"),
        "/repositories/42" => Ok(Repository("neworg/after", archived: false)),
        "/repos/octo/escape" => Moved("http://localhost:{port}/repositories/42"),
        "/repos/octo/down" => Response(500, "Internal Server Error", Limits()),
        "/repos/octo/hang" => null,
        "/repos/octo/revoked" => Response(401, "Unauthorized", Limits(), """{"message":"Bad credentials"}"""),
        "/repos/octo/walled" => Response(403, "Forbidden", Limits(), """{"message":"API rate limit exceeded"}"""),
        _ => Response(404, "Not Found", Limits() + "Content-Type: application/json\r\n", """{"message":"Not Found"}"""),
    };

    private string Ok(string json) => Response(200, "OK", Limits() + "Content-Type: application/json\r\n", json);

    private string Moved(string location) => Response(301, "Moved Permanently", Limits() + $"Location: {location}\r\n");

    private string Limits()
    {
        var reset = (ExhaustedUntil ?? DateTimeOffset.UtcNow.AddHours(1)).ToUnixTimeSeconds();
        var remaining = ExhaustedUntil is null ? 4999 : 0;
        return $"X-RateLimit-Limit: 5000\r\nX-RateLimit-Remaining: {remaining}\r\nX-RateLimit-Reset: {reset}\r\n";
    }

    private static string Repository(string fullName, bool archived) => $$"""
        {"full_name":"{{fullName}}","html_url":"https://github.com/{{fullName}}","description":"About {{fullName}}",
         "archived":{{(archived ? "true" : "false")}},"pushed_at":"{{LastPush}}"}
        """;
}
