using System.Text;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ContainerNetLib.Tests.Shared;

/// <summary>Pages a saved copy is made from, as a site would serve them: the words a copy must keep are in
/// <see cref="ArticleWords"/>, the ones it must leave behind in <see cref="ClutterWords"/>.</summary>
public static class CopyPages
{
    public const string ArticleWords = "Network namespaces give each container its own stack";
    public static readonly string[] ClutterWords =
        ["Home | Blog | About", "BUY CHEAP HOSTING", "We use cookies", "Copyright 2026 Example Corp", "First!!1"];

    public static string Article(string title = "Container networking, from the bottom up",
        string extraParagraph = "") => $$"""
        <!doctype html>
        <html><head><meta charset="utf-8"><title>{{title}} | Example Blog</title>
        <meta name="author" content="Ada Lovelace">
        <meta property="article:published_time" content="2024-03-05T10:00:00Z">
        <meta property="og:image" content="/images/lead.png">
        </head><body>
        <div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
        <header class="site"><nav><a href="/">Home | Blog | About</a></nav></header>
        <div class="ad">BUY CHEAP HOSTING today, 90% off!</div>
        <main><article>
          <h1>{{title}}</h1>
          <p class="byline">By Ada Lovelace</p>
          <p>{{ArticleWords}}: interfaces, routes and firewall rules that no other container sees. This is what
          makes two containers able to listen on the same port without knowing of each other.</p>
          <h2>Virtual Ethernet pairs</h2>
          <p>A veth pair is a cable with two ends. One end stays in the host namespace, attached to a bridge; the
          other end moves into the container and becomes its eth0. Packets written to one end come out of the
          other, which is all a container needs to reach the bridge and, through it, the world.</p>
          <ul><li>one end in the host</li><li>one end in the container</li></ul>
          <h2>Bridges and NAT</h2>
          <p>The bridge forwards frames between the veth ends of every container on the host. Traffic leaving the
          host is rewritten by masquerading rules so that replies find their way back to the right container.</p>
          {{extraParagraph}}
        </article></main>
        <aside><h3>Related posts</h3><p>Ten tips for faster builds</p></aside>
        <section id="comments"><h3>Comments</h3><p>First!!1</p></section>
        <footer><p>Copyright 2026 Example Corp. All rights reserved.</p></footer>
        </body></html>
        """;

    /// <summary>Declares its charset only in a &lt;meta&gt; element; the bytes are in that charset.</summary>
    public static byte[] MetaCharset(string charset, string words) =>
        Encoding.GetEncoding(charset).GetBytes($"""
            <html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
            <title>{words}</title></head><body><article><h1>{words}</h1>
            <p>{words}: {Filler}</p><p>{Filler}</p></article></body></html>
            """);

    public static string NoArchiveMeta => $"""
        <html><head><meta name="ROBOTS" content="noindex, NoArchive"><title>Private notes</title></head>
        <body><article><p>{Filler}</p></article></body></html>
        """;

    /// <summary>The list's own injection payloads, placed in the page's title and text.</summary>
    public const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    public static string Injection => $$"""
        <html><head><title>Evil {{System.Net.WebUtility.HtmlEncode(Payload)}} title</title></head><body><article>
        <h1>Evil &lt;script&gt;alert(3)&lt;/script&gt; heading</h1>
        <p>Text with a literal {{System.Net.WebUtility.HtmlEncode(Payload)}} and
        [a link](javascript:alert(4)) and &lt;iframe src="https://evil.example/"&gt;&lt;/iframe&gt;. {{Filler}}</p>
        <p onclick="alert(5)">A paragraph <a href="javascript:alert(6)">with a script link</a>. {{Filler}}</p>
        <script>alert(7)</script><style>body{display:none}</style><iframe src="https://evil.example/"></iframe>
        </article></body></html>
        """;

    public const string Filler = "Containers share the kernel of their host, and the kernel keeps them apart " +
        "with namespaces and control groups; the rest is plumbing that anyone can read about and understand.";

    public const string PdfWords = "Kernel namespaces in practice";

    /// <summary>A two-page PDF made with PdfPig's own builder.</summary>
    public static byte[] Pdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = "Namespaces paper";
        builder.DocumentInformation.Author = "Grace Hopper";
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        first.AddText(PdfWords, 14, new UglyToad.PdfPig.Core.PdfPoint(50, 750), font);
        first.AddText("The first page speaks of namespaces.", 11, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        var second = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        second.AddText("The second page speaks of cgroups.", 11, new UglyToad.PdfPig.Core.PdfPoint(50, 750), font);
        return builder.Build();
    }
}
