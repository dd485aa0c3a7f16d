using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Text;

/// <summary>
/// A text someone gives the list (in a form, through the API, on the command line) and its limit. Every limit is
/// here, once: the forms' maxlength, the API's 400s, the importer's refusals and the database columns read them.
/// </summary>
/// <param name="Label">How a form's message names it ("The title"); the API names it by its JSON name instead.</param>
/// <param name="Markdown">Whether it is Markdown, which must also be cheap to parse (<see cref="MarkdownLimits"/>).
/// </param>
public sealed record TextField(string Label, int MaxLength, bool Markdown = false)
{
    public static readonly TextField EntryTitle = new("The title", 500);
    public static readonly TextField EntryDescription = new("The description", 4_000, Markdown: true);
    /// <summary>An entry's address, an author's page, an exclusion rule's URL: 2,000 characters is what every
    /// browser, proxy and search engine takes.</summary>
    public static readonly TextField WebAddress = new("The web address", 2_000);
    public static readonly TextField AuthorName = new("An author's name", 200);
    /// <summary>One bullet's text with its continuation lines; also what an imported bullet may hold.</summary>
    public static readonly TextField EntryMarkdown = new("The entry's Markdown", 10_000, Markdown: true);
    /// <summary>A passage an import reads (a paragraph, block quote or HTML block holding links): a whole HTML table
    /// of entries is one passage.</summary>
    public static readonly TextField PassageMarkdown = new("The passage's Markdown", 200_000, Markdown: true);
    public static readonly TextField SectionSlug = new("The section", 100);
    public static readonly TextField SectionTitle = new("The section title", 200);
    public static readonly TextField SectionIntro = new("The introduction", 20_000, Markdown: true);
    /// <summary>Pasted bullets for a bulk add; each bullet is held to <see cref="EntryMarkdown"/> as well.</summary>
    public static readonly TextField BulkMarkdown = new("The pasted Markdown", 1_000_000, Markdown: true);
    /// <summary>Why a link is excluded from checks, or accepted as fine.</summary>
    public static readonly TextField Reason = new("The reason", 300);
    public static readonly TextField TokenName = new("The token's name", 100);
    /// <summary>An account's email address, which is also its user name (Identity's columns hold 256).</summary>
    public static readonly TextField Email = new("The email address", 256);
    public static readonly TextField SearchWords = new("The search", 200);

    /// <summary>Why the value cannot be used, as a sentence naming the field (<paramref name="name"/> in place of the
    /// label); null when it can. A missing value is the caller's to judge.</summary>
    public string? Problem(string? value, string? name = null)
    {
        if (value is null) return null;
        var who = name ?? Label;
        if (value.Length > MaxLength) return $"{who} has {value.Length:N0} characters; the limit is {MaxLength:N0}.";
        var at = TextRule.FirstRefused(value);
        if (at >= 0)
            return $"{who} holds {TextRule.Describe(value[at])} at character {at + 1:N0}, which the list cannot " +
                "store: remove it.";
        return Markdown && MarkdownLimits.Find(value) is { } costly ? $"{who}, line {costly.Line}: {costly.Problem}."
            : null;
    }
}
