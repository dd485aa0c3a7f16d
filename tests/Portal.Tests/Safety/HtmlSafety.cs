using AngleSharp.Dom;

namespace ContainerNetLib.Portal.Tests.Safety;

/// <summary>What "nothing executable" means for rendered list content.</summary>
public static class HtmlSafety
{
    private static readonly string[] ForbiddenElements =
        ["script", "iframe", "frame", "form", "object", "embed", "svg", "math", "style", "meta", "base", "link", "button", "input", "details", "body"];

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static void AssertNothingExecutable(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*").Prepend(root))
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.LocalName} has {attribute.Name}");
                Assert.NotEqual("style", attribute.Name, StringComparer.OrdinalIgnoreCase);
                Assert.NotEqual("srcdoc", attribute.Name, StringComparer.OrdinalIgnoreCase);
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "data") AssertSafeUrl(attribute.Value, element.LocalName);
            }
        }
    }

    private static void AssertSafeUrl(string url, string element)
    {
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        if (compact.Length == 0) return;
        var colon = compact.IndexOf(':');
        var delimiter = compact.IndexOfAny(['/', '?', '#']);
        if (colon > 0 && (delimiter < 0 || colon < delimiter))
            Assert.Contains(compact[..colon].ToLowerInvariant(), AllowedSchemes);
        else
            Assert.False(compact.StartsWith("//", StringComparison.Ordinal) || compact.StartsWith('\\'), $"{element} leaves the site without a scheme: {url}");
    }
}
