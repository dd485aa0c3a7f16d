using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>What every editor component needs: who is editing, and a message line for the outcome of the last
/// action.</summary>
public abstract class EditorComponentBase : ComponentBase, IHandleEvent
{
    public const string NothingSaved =
        "Nothing was saved: the database is not answering. What you typed is still here; try again in a few seconds.";

    [CascadingParameter] public Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The outcome of the last action, announced to screen readers (role="status" or "alert").</summary>
    protected string? Message { get; set; }
    protected bool MessageIsError { get; set; }

    protected async Task<EditorIdentity> EditorAsync() =>
        AuthenticationState is null ? new EditorIdentity(null,
            "unknown") : EditorIdentity.From((await AuthenticationState).User);

    /// <summary>The component lets the editor keep both when told an address is already in the list: the same
    /// action again allows the duplicate.</summary>
    protected virtual bool AsksAgainOnDuplicate => false;

    protected void Say(string message, bool error = false)
    {
        Message = message;
        MessageIsError = error;
    }

    /// <summary>Shows the outcome; true when the change was made.</summary>
    protected bool Report(EditOutcome outcome, string done)
    {
        switch (outcome)
        {
            case EditOutcome.Saved:
                Say(done);
                return true;
            case EditOutcome.Changed changed:
                Say(changed.Message);
                return true;
            case EditOutcome.Invalid invalid:
                Say(invalid.Message, error: true);
                return false;
            case EditOutcome.NotFound:
                Say("It no longer exists: someone may have deleted it. Reload the page.", error: true);
                return false;
            case EditOutcome.Duplicate duplicate:
                Say($"Nothing was saved: the address is already in the list ({duplicate.Places()})."
                    + (AsksAgainOnDuplicate ? " Press the same button again to add it anyway." : ""), error: true);
                return false;
            case EditOutcome.Conflict conflict:
                Say($"Not saved: {EditConflicts.Who(conflict)} changed it since you opened it. "
                    + "Reload to see their change, then edit again.", error: true);
                return false;
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome}");
        }
    }

    /// <summary>
    /// Runs a click or a submit as ComponentBase does, except that a database out of reach becomes the message
    /// line instead of an error that ends the editor's session, and with it the text they were editing.
    /// </summary>
    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg)
    {
        Task? handling = null;
        try
        {
            handling = callback.InvokeAsync(arg);
            if (!handling.IsCompleted) StateHasChanged();
            await handling;
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
}
