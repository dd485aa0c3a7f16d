using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Forms;

namespace ContainerNetLib.Portal.Infrastructure.Rendering;

/// <summary>
/// Antiforgery tokens only for the forms that ask for one. Blazor's own provider, once interactive
/// rendering is on, reads a token for every page to hand it to interactive components; that sets a
/// cookie and "no-store" on every reader page, and the output cache then stores none of them. Editor
/// pages do not need it: their buttons talk over the circuit, and their static forms (sign out) ask here.
/// </summary>
public sealed class RequestAntiforgeryStateProvider(IHttpContextAccessor http,
    IAntiforgery antiforgery) : AntiforgeryStateProvider
{
    public override AntiforgeryRequestToken? GetAntiforgeryToken()
    {
        // Inside a circuit there is no request to take a token from.
        if (http.HttpContext is not { } context || context.WebSockets.IsWebSocketRequest) return null;
        var tokens = antiforgery.GetAndStoreTokens(context);
        return tokens.RequestToken is null ? null : new AntiforgeryRequestToken(tokens.RequestToken,
            tokens.FormFieldName);
    }
}
