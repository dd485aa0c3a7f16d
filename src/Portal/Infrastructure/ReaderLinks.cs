using ContainerNetLib.Domain.LinkHealth.Runs;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// The reader URLs people share; every page, feed and API answer builds its links here. Route
/// templates (<c>@page "/sections/{Slug}"</c>, <c>MapGet</c>) are patterns, not links, and stay where they are.
/// </summary>
public static class ReaderLinks
{
    public static string Section(string slug) => $"/sections/{slug}";

    /// <summary>The Atom feed of a section and everything below it.</summary>
    public static string Feed(string slug) => $"/sections/{slug}/feed.atom";

    public const string ListFeed = "/feed.atom";

    /// <summary>An entry's anchor in its section: what "copy link" copies and /entries/{id} redirects to.</summary>
    public static string Entry(string sectionSlug, long id) => $"/sections/{sectionSlug}#e-{id}";

    /// <summary>The address that keeps leading to an entry wherever it moves (answered by a redirect to <see
    /// cref="Entry"/>).</summary>
    public static string Permalink(long id) => $"/entries/{id}";

    /// <summary>The latest saved copy of the entry's page.</summary>
    public static string SavedCopy(long id) => $"/entries/{id}/saved";

    /// <summary>The reader page a link check covers: the home page, the section's page, or the entry's place.</summary>
    public static string Of(CheckScope scope) => scope.Kind switch
    {
        "section" => Section(scope.Key!),
        "entry" => Permalink(long.Parse(scope.Key!, System.Globalization.CultureInfo.InvariantCulture)),
        _ => "/",
    };
}
