namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>Authorization policies by name: editors (Editor or Admin) and administrators.</summary>
public static class Policies
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";
}
