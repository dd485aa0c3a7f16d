namespace ContainerNetLib.Domain.Accounts;

/// <summary>Who may do what. Readers hold no role (anonymous, or any account when the list is private); editors
/// change content; admins also manage users and jobs.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";

    public static readonly IReadOnlyList<string> All = [Admin, Editor];

    /// <summary>The roles that may change the list: whoever holds one sees pages made for them alone.</summary>
    public static readonly string[] Editing = [Editor, Admin];

    public static bool MayEdit(System.Security.Claims.ClaimsPrincipal user) => Editing.Any(user.IsInRole);

    /// <summary>The role's canonical spelling, or null when there is no such role.</summary>
    public static string? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
}
