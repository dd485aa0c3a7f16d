namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>
/// What a refused person is told, on the page they were using (an action refused: what they typed stays) or on
/// <c>/account/session-ended</c> (a page refused as it starts: nothing of theirs was on it yet).
/// </summary>
public sealed class SessionEnded
{
    public const string PagePath = "/account/session-ended";
    public const string Sentence = "Your session has ended or your access changed: sign in again.";

    /// <summary>The page that was refused, to come back to after signing in; null while nothing was refused.</summary>
    public string? ReturnUrl { get; private set; }

    /// <summary>Raised once, when the first refusal on this live connection happens.</summary>
    public event Action? Refused;

    public static string PageFor(string returnUrl) => $"{PagePath}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static string SignInAgain(string? returnUrl) =>
        $"{AccountSetup.LoginPath}?returnUrl={Uri.EscapeDataString(LocalUrl.OrHome(returnUrl))}";

    public void Show(string returnUrl)
    {
        if (ReturnUrl is not null) return;
        ReturnUrl = returnUrl;
        Refused?.Invoke();
    }
}
