using ContainerNetLib.Domain.Accounts;

namespace ContainerNetLib.Domain.Tests.Accounts;

public class GroupRolesTests
{
    private static readonly string[] Admins = ["portal-admins"];
    private static readonly string[] Editors = ["portal-editors", "/team/writers"];

    [Theory]
    [InlineData(new[] { "portal-editors" }, Roles.Editor)]
    [InlineData(new[] { "staff", "/team/writers" }, Roles.Editor)]
    [InlineData(new[] { "portal-editors", "portal-admins" }, Roles.Admin)]
    [InlineData(new[] { "portal-admins" }, Roles.Admin)]
    public void A_configured_group_gives_its_role_and_administrators_win(string[] groups, string role)
    {
        // Otherwise: someone in the editors' group signs in and cannot edit, or an administrator loses the users page.
        Assert.Equal(role, GroupRoles.RoleFor(groups, Admins, Editors));
    }

    [Theory]
    [InlineData("")]
    [InlineData("staff")]
    [InlineData("Portal-Editors")]
    [InlineData("portal-editors-old team/writers")]
    public void No_configured_group_leaves_a_signed_in_reader(string groups)
    {
        // Otherwise: a group with a look-alike name (another case, a longer name) grants editing.
        Assert.Null(GroupRoles.RoleFor(groups.Split(' ', StringSplitOptions.RemoveEmptyEntries), Admins, Editors));
    }
}
