namespace ContainerNetLib.Domain.Accounts;

/// <summary>
/// The role a single sign-on account holds, decided afresh from the groups its provider names at every sign-in:
/// an administrators' group wins over an editors' group, and someone in no configured group is a signed-in
/// reader (no role). Names compare exactly: providers treat them as identifiers (Entra ID sends object ids).
/// </summary>
public static class GroupRoles
{
    public static string? RoleFor(
        IEnumerable<string> groups, IReadOnlyCollection<string> adminGroups, IReadOnlyCollection<string> editorGroups)
    {
        var held = groups.ToHashSet(StringComparer.Ordinal);
        if (adminGroups.Any(held.Contains)) return Roles.Admin;
        if (editorGroups.Any(held.Contains)) return Roles.Editor;
        return null;
    }
}
