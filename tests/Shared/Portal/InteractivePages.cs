using System.Globalization;
using System.Reflection;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Suggestions;
using ContainerNetLib.Portal.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ContainerNetLib.Tests.Shared.Portal;

/// <summary>
/// Every interactive page, found as the router finds pages (their route attributes) and as PageAreas names them, so
/// that a page added later is walked by every test that walks these.
/// </summary>
public static class InteractivePages
{
    public sealed record Page(Type Component, string Template)
    {
        public bool ForAdministrators => ActingAccount.PolicyOf(Component) == Policies.Admin;

        /// <summary>
        /// The page's address with an existing entry's or section's id in its route (a suggestion's page, the one
        /// <see cref="WaitingSuggestionAsync"/> made); a page with a parameter of another kind fails here until it is
        /// taught what to put there.
        /// </summary>
        public string Address(long entryId, int sectionId) => "/" + string.Join('/', Segments(entryId, sectionId)
            .Select(segment => segment.Literal ?? Convert.ToString(segment.Value, CultureInfo.InvariantCulture)));

        /// <summary>The route's parameters as the page takes them, for rendering it outside the router.</summary>
        public Dictionary<string, object?> Parameters(long entryId, int sectionId) => Segments(entryId, sectionId)
            .Where(segment => segment.Literal is null)
            .ToDictionary(segment => segment.Parameter!, segment => (object?)Convert.ChangeType(segment.Value,
                Component.GetProperty(segment.Parameter!)!.PropertyType, CultureInfo.InvariantCulture));

        private IEnumerable<(string? Literal, string? Parameter, long Value)> Segments(long entryId, int sectionId)
        {
            string? previous = null;
            foreach (var segment in RoutePatternFactory.Parse(Template).PathSegments)
            {
                switch (segment.Parts.Single())
                {
                    case RoutePatternLiteralPart literal:
                        previous = literal.Content;
                        yield return (literal.Content, null, 0);
                        break;
                    case RoutePatternParameterPart parameter:
                        yield return (null, parameter.Name, previous switch
                        {
                            "entries" => entryId,
                            "sections" => sectionId,
                            // The one WaitingSuggestionAsync put under the entry's id.
                            "suggestions" => entryId,
                            _ => throw new InvalidOperationException(
                                $"InteractivePages does not know what to put in {{{parameter.Name}}} of {Template}"),
                        });
                        break;
                }
            }
        }

        /// <summary>A page that only shows (a suggested page's extract): the action walk finds nothing to try.
        /// </summary>
        public bool ShowsOnly => Component == typeof(SuggestionExtractPage);

        public override string ToString() => Template;
    }

    /// <summary>A suggestion waiting for review under the entry's id, in the entry's section, with a saved copy of
    /// its page: what the suggestion pages show when walked.</summary>
    public static async Task WaitingSuggestionAsync(PortalDbContext db, long entryId, int sectionId)
    {
        const string url = "https://walked.example/suggested";
        db.Suggestions.Add(new Suggestion
        {
            Id = entryId, Url = url, NormalizedUrl = url, SectionId = sectionId, Title = "A suggested page",
            CheckOutcome = LinkOutcome.Ok, CheckStatus = 200, State = SuggestionState.Pending,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        db.SavedCopies.Add(new SavedCopy
        {
            NormalizedUrl = url, Number = 1, SavedAt = DateTimeOffset.UtcNow, Url = url, FinalUrl = url,
            Host = "walked.example", Title = "A suggested page", Text = "Its text.", ContentHash = "walked",
            WordCount = 2,
        });
        await db.SaveChangesAsync();
    }

    public static IReadOnlyList<Page> All { get; } = typeof(Program).Assembly.GetTypes()
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => new Page(type, route.Template)))
        .Where(page => PageAreas.IsInteractive(new PathString(page.Template))
            || page.Component.GetCustomAttribute<RenderModeAttribute>()?.Mode is InteractiveServerRenderMode)
        .OrderBy(page => page.Template, StringComparer.Ordinal)
        .ToList();
}
