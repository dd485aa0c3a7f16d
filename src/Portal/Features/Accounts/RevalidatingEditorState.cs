using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>
/// An editor page's circuit can stay open for hours: every few minutes it asks ActingAccount whether the account
/// still stands (exists, same security stamp), so a removed editor or a reset password ends the session there even
/// when the page does nothing; the page's own actions are each checked at once (EditorComponentBase).
/// </summary>
public sealed class RevalidatingEditorState(ILoggerFactory loggers, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(5);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state,
        CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<ActingAccount>();
        return await accounts.CheckAsync(state.User, policy: null, ct) is ActingCheck.Allowed;
    }
}
