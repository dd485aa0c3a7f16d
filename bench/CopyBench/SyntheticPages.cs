using System.Text;

namespace ContainerNetLib.Bench.CopyBench;

/// <summary>Article pages of about 50 KB as blogs serve them: navigation, a cookie banner, ads, an article of
/// headings, paragraphs and lists, related posts, comments and a footer. Seeded: the same pages every run.</summary>
public sealed class SyntheticPages(int seed)
{
    private static readonly string[] Words =
        ("container network namespace bridge veth route iptables nftables packet kernel socket interface overlay " +
         "vxlan tunnel address subnet gateway firewall masquerade service proxy mesh sidecar cni plugin pod node " +
         "cluster latency throughput connection stream datagram checksum offload queue driver the a of and to in " +
         "is that for with on as by this from which it be are was can each every when where how why").Split(' ');

    public string Page(int index, int targetBytes = 50 * 1024)
    {
        var random = new Random(seed + index);
        var html = new StringBuilder(targetBytes + 4096);
        html.Append($"<!doctype html><html><head><meta charset=\"utf-8\"><title>Post {index}: {Sentence(random, 6)}" +
            "</title><meta name=\"author\" content=\"Author " + index % 50 + "\"></head><body>");
        html.Append("<div class=\"cookie-banner\">We use cookies. <button>Accept</button></div>");
        html.Append("<header><nav><ul>");
        for (var i = 0; i < 30; i++) html.Append($"<li><a href=\"/category/{i}\">{Sentence(random, 2)}</a></li>");
        html.Append("</ul></nav></header><div class=\"ad\">Sponsored: ").Append(Sentence(random, 12)).Append("</div>");
        html.Append("<main><article><h1>").Append(Sentence(random, 8)).Append("</h1>");
        // The article takes about two thirds of the page; the site around it the rest.
        while (html.Length < targetBytes * 2 / 3)
        {
            html.Append("<h2>").Append(Sentence(random, 5)).Append("</h2>");
            for (var p = 0; p < 4; p++) html.Append("<p>").Append(Sentence(random, 60)).Append("</p>");
            html.Append("<ul>");
            for (var li = 0; li < 3; li++) html.Append("<li>").Append(Sentence(random, 10)).Append("</li>");
            html.Append("</ul><pre><code>ip link add veth0 type veth peer name veth1</code></pre>");
        }
        html.Append("</article></main><aside><h3>Related</h3><ul>");
        for (var i = 0; i < 10; i++) html.Append($"<li><a href=\"/post/{i}\">{Sentence(random, 7)}</a></li>");
        html.Append("</ul></aside><section id=\"comments\">");
        while (html.Length < targetBytes - 300)
            html.Append("<div class=\"comment\"><p>").Append(Sentence(random, 25)).Append("</p></div>");
        html.Append("</section><footer><p>Copyright 2026 Example. All rights reserved.</p></footer></body></html>");
        return html.ToString();
    }

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++) text.Append(i == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
        return text.Append('.').ToString();
    }
}
