using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>The editors' pages: an interactive page (<see cref="EditorComponentBase"/>, which checks the account)
/// that tells the outcome of a save.</summary>
public abstract class EditorPageBase : EditorComponentBase
{
    /// <summary>The component lets the editor keep both when told an address is already in the list: the same
    /// action again allows the duplicate.</summary>
    protected virtual bool AsksAgainOnDuplicate => false;

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
}
