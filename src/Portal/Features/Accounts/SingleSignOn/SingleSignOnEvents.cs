using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace ContainerNetLib.Portal.Features.Accounts.SingleSignOn;

/// <summary>
/// What the portal does with the provider's answer: a valid one signs the account in with the portal's own cookie
/// (like a password would); anything else ends on the failure page, logged without what the provider sent.
/// </summary>
public sealed class SingleSignOnEvents(SingleSignOnAccounts accounts, ILogger<SingleSignOnEvents> log)
    : OpenIdConnectEvents
{
    public override async Task TicketReceived(TicketReceivedContext context)
    {
        var idToken = context.Properties?.GetTokenValue("id_token");
        string? outcome;
        try
        {
            outcome = await accounts.SignInAsync(context.Principal!, idToken, context.HttpContext.RequestAborted);
        }
        catch (InvalidOperationException e)
        {
            // Identity refused the account it was asked to make (an e-mail it cannot take as a user name).
            outcome = SignInFailure.Other;
            SignInFailure.Log(log, outcome, e);
        }
        context.HandleResponse();
        if (outcome is { } refusal)
        {
            if (refusal != SignInFailure.Other) SignInFailure.Log(log, refusal, null);
            context.Response.Redirect(SignInFailure.PageFor(refusal));
            return;
        }
        context.Response.Redirect(LocalUrl.OrHome(context.ReturnUri));
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        var reason = SignInFailure.Of(context.Failure);
        SignInFailure.Log(log, reason, context.Failure);
        context.Response.Redirect(SignInFailure.PageFor(reason));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public override Task RedirectToIdentityProviderForSignOut(RedirectContext context)
    {
        // Named by the ID token it issued, the provider ends that session and sends the browser back here.
        context.ProtocolMessage.IdTokenHint = context.Properties.GetParameter<string>(SingleSignOut.IdTokenHint);
        context.ProtocolMessage.ClientId = context.Options.ClientId;
        return Task.CompletedTask;
    }
}
