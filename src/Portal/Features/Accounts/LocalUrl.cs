namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>
/// A ReturnUrl is followed only when it stays on this site: a path starting with one "/" (not "//"
/// or "/\", which browsers read as another host), so a crafted sign-in link cannot send an editor
/// elsewhere (open redirect).
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' &&
        (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) &&
        !url.Any(char.IsControl);

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
