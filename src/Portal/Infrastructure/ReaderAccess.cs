
namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>Who may read the list: anyone (<c>Public</c>) or only people with an account (<c>SignedIn</c>).</summary>
public enum Readers
{
    Public,
    SignedIn,
}

/// <summary>The setting <c>Portal:Readers</c>, read once at start-up.</summary>
public sealed record ReaderAccess(Readers Readers)
{
    public const string Setting = "Portal:Readers";

    public bool SignedInOnly => Readers == Readers.SignedIn;

    public static ReaderAccess Read(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value)) return new ReaderAccess(Readers.Public);
        return new ReaderAccess(ConfigurationException.Choice<Readers>(Setting, value, "Public, SignedIn"));
    }
}
