namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// What a page that answers 404 knows about what is missing, shown by the not-found page in place of its generic
/// words (the page's own body is replaced by the not-found page).
/// </summary>
public sealed record NotFoundReason(string Title, string Text, string? BackHref = null, string? BackText = null)
{
    private static readonly object Key = new();

    public void Tell(HttpContext context) => context.Items[Key] = this;

    public static NotFoundReason? Of(HttpContext? context) =>
        context?.Items.TryGetValue(Key, out var reason) == true ? reason as NotFoundReason : null;
}
