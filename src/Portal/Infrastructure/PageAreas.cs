namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// Which pages are whose, by path: the one place the rest of the portal asks.
/// Interactive pages (Blazor Server over a WebSocket: the editors' pages and the account's API tokens) get Blazor's
/// script and a base address (App.razor) and the editors' Content-Security-Policy (SecurityHeaders), and declare
/// <c>@rendermode InteractiveServer</c>; personal pages (signed-in people's) are never cached or compressed
/// (ReaderCaching, ReaderCompression).
/// </summary>
public static class PageAreas
{
    public const string Admin = "/admin";
    public const string Account = "/account";
    public const string Tokens = "/account/tokens";

    /// <summary>The Hangfire dashboard (administrators only), with its own Content-Security-Policy.</summary>
    public const string JobDashboard = "/admin/jobs";

    public static bool IsInteractive(PathString path) =>
        path.StartsWithSegments(Admin) || path.StartsWithSegments(Tokens);

    public static bool IsPersonal(PathString path) =>
        path.StartsWithSegments(Admin) || path.StartsWithSegments(Account);
}
