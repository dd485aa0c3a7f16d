namespace ContainerNetLib.Portal.Features.Reading;

/// <summary>The reader URLs people share; every page, feed and API answer builds them here.</summary>
public static class ReaderLinks
{
    public static string Section(string slug) => $"/sections/{slug}";

    /// <summary>An entry's anchor in its section: what "copy link" copies and /entries/{id} redirects to.</summary>
    public static string Entry(string sectionSlug, long id) => $"/sections/{sectionSlug}#e-{id}";
}
