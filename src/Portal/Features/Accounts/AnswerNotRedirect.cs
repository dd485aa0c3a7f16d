namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>
/// Endpoint metadata: a script's endpoint under /account, whose caller wants a status it can act on (401, 403 with a
/// small JSON body, never stored) rather than the sign-in page a browser is sent to.
/// </summary>
public sealed class AnswerNotRedirect
{
    public static readonly AnswerNotRedirect Instance = new();

    private AnswerNotRedirect()
    {
    }
}
