using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>
/// The base of every interactive page and of its parts that act: who is acting, checked at every way in, and a
/// message line for the outcome of the last action.
/// </summary>
/// <remarks>
/// The first request for a page is authorized by its <c>[Authorize]</c> attribute, but its live connection is not:
/// the connection brings its own cookies, keeps its claims for hours, and can start from a page rendered for someone
/// else. So the account as it is now (<see cref="ActingAccount"/>) is asked for the policy that same attribute
/// names when the page renders, when its live connection starts it, when its address or sign-in state changes, and
/// before every action (every event but a value change, which only binds what was typed). A page refused as it
/// starts sends the browser to <see cref="SessionEnded.PagePath"/>; a refused action runs nothing and leaves the page
/// as it is, typed text included, under a notice (CircuitState). So nothing that writes may hang on a value change.
/// </remarks>
public abstract class EditorComponentBase : ComponentBase, IHandleEvent
{
    public const string NothingSaved =
        "Nothing was saved: the database is not answering. What you typed is still here; try again in a few seconds.";

    public const string NotDone = "Nothing was done: your session has ended or your access changed (see the notice "
        + "at the top). What you typed is still here.";

    /// <summary>The function of wwwroot/js/leaving.js that says whether the browser is already leaving the page.
    /// </summary>
    public const string AlreadyLeavingFunction = "portalAlreadyLeaving";

    /// <summary>A change of it (the account failed its periodic check) is a way in like any other.</summary>
    [CascadingParameter] public Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private ActingAccount ActingAccounts { get; set; } = null!;
    [Inject] private AuthenticationStateProvider SignIns { get; set; } = null!;
    [Inject] private SessionEnded EndedSession { get; set; } = null!;
    [Inject] private NavigationManager PageNavigation { get; set; } = null!;
    [Inject] private IJSRuntime Scripts { get; set; } = null!;

    private ActingCheck.Allowed? _acting;
    private bool _started;
    private bool _sentAway;
    private Task<bool> _lastCheck = Task.FromResult(true);

    /// <summary>The outcome of the last action, announced to screen readers (role="status" or "alert").</summary>
    protected string? Message { get; set; }
    protected bool MessageIsError { get; set; }

    private bool IsPage => GetType().IsDefined(typeof(RouteAttribute), inherit: false);

    /// <summary>The account the last check allowed, as history records it: never a change without one.</summary>
    protected Task<EditorIdentity> EditorAsync() => Task.FromResult(Acting.Editor);

    /// <summary>That account as it is now, its roles read at the last check, for a page's finer rules.</summary>
    protected System.Security.Claims.ClaimsPrincipal ActingUser => Acting.User;

    private ActingCheck.Allowed Acting =>
        _acting ?? throw new InvalidOperationException("An editor component acted before its account was checked.");

    protected void Say(string message, bool error = false)
    {
        Message = message;
        MessageIsError = error;
    }

    /// <summary>
    /// The start (first render, or the live connection starting the page), a page's new address, or a new sign-in
    /// state: the account is checked before the component loads anything. A part of a page re-rendered by its page
    /// is not asked again; its events are.
    /// </summary>
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        var newSignIn = parameters.TryGetValue<Task<AuthenticationState>>(nameof(AuthenticationState), out var state)
            && !ReferenceEquals(state, AuthenticationState);
        // Taken now: a ParameterView cannot be read after an await. Nothing runs on them until the check passes.
        parameters.SetParameterProperties(this);
        if (_sentAway) return;
        if ((IsPage || !_started || newSignIn) && !await CheckInOrderAsync())
        {
            if (_started) StateHasChanged();
            else if (IsPage)
            {
                // Nothing of the person's is on a page refused as it starts: it is left for a page that says why.
                // Once: leaving changes the address, which gives a page reading its query new parameters.
                _sentAway = true;
                await LeaveForAsync(SessionEnded.PageFor(ReturnUrl));
            }
            return;
        }
        _started = true;
        await base.SetParametersAsync(ParameterView.Empty);
    }

    /// <summary>
    /// Runs a click or a submit as ComponentBase does, once the account has been checked (refused: nothing runs, the
    /// message line and the notice say so, what was typed stays), and except that a database out of reach becomes the
    /// message line instead of an error that ends the editor's session, and with it the text they were editing.
    /// </summary>
    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg)
    {
        Task? handling = null;
        try
        {
            // Typing or choosing (a value change) only binds what was typed: refused, the next render would put the
            // old text back. A change handler that reads or writes besides asks through WhenAllowedAsync. Everything
            // else is an action, run once the account has been checked.
            if (arg is ChangeEventArgs || await CheckInOrderAsync())
            {
                handling = callback.InvokeAsync(arg);
                if (!handling.IsCompleted) StateHasChanged();
                await handling;
            }
            else Say(NotDone, error: true);
        }
        catch (OperationCanceledException) when (handling is { IsCanceled: true })
        {
            return;
        }
        catch (Exception e) when (DatabaseFailure.IsTransient(e))
        {
            DatabaseFailure.ForgetPooledConnections();
            Say(NothingSaved, error: true);
        }
        StateHasChanged();
    }

    /// <summary>
    /// For a change handler that does more than bind (a role chosen, the duplicates of an address looked up): a value
    /// change is let through unchecked so that a refusal never loses what was typed, so what it reads or writes asks
    /// here first. Refused: nothing runs and the notice says why.
    /// </summary>
    protected async Task WhenAllowedAsync(Func<Task> then)
    {
        if (await CheckInOrderAsync()) await then();
        else Say(NotDone, error: true);
    }

    /// <summary>
    /// Checks start in the order their events came and each waits for the one before, so that actions run in the
    /// order they were made (a drag's start before its drop).
    /// </summary>
    private Task<bool> CheckInOrderAsync()
    {
        var previous = _lastCheck;
        return _lastCheck = AfterAsync();

        async Task<bool> AfterAsync()
        {
            // Its failure was its own event's to report.
            await ((Task)previous).ConfigureAwait(
                ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
            return await MayActAsync();
        }
    }

    private async Task<bool> MayActAsync()
    {
        var user = (await SignIns.GetAuthenticationStateAsync()).User;
        if (await ActingAccounts.CheckAsync(user, ActingAccount.PolicyOf(GetType())) is ActingCheck.Allowed allowed)
        {
            _acting = allowed;
            return true;
        }
        _acting = null;
        EndedSession.Show(ReturnUrl);
        return false;
    }

    /// <summary>
    /// The live connection can start a page after its own "Sign out" was sent (the session it finds gone is the one
    /// that sign-out ended): sent away then, the browser would drop the sign-out's redirect to the provider, whose
    /// session would live on. So the browser is asked first (wwwroot/js/leaving.js); a first render sends no script.
    /// </summary>
    private async Task LeaveForAsync(string address)
    {
        if (RendererInfo.IsInteractive)
        {
            try
            {
                if (await Scripts.InvokeAsync<bool>(AlreadyLeavingFunction, address)) return;
            }
            catch (JSDisconnectedException)
            {
                return;
            }
            catch (Exception e) when (e is JSException or TaskCanceledException)
            {
                // No answer from the script: leaving at once is the safe side.
            }
        }
        PageNavigation.NavigateTo(address, forceLoad: true);
    }

    private string ReturnUrl => "/" + PageNavigation.ToBaseRelativePath(PageNavigation.Uri);
}
