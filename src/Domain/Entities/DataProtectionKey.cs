namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// One ASP.NET Core Data Protection key (as the XML the framework writes). Kept in the database so
/// every portal instance can read every sign-in cookie and antiforgery token, whichever wrote it.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
