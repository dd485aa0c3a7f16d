namespace ContainerNetLib.Bench.Generator;

/// <summary>
/// A reading list shaped like the seed, at scale: sections two levels deep with intros, bullets
/// nested up to depth 3, about half of them dated, most with authors and profile links, some
/// person bullets and labels, descriptions of realistic length.
/// </summary>
public sealed class SyntheticList(Random random)
{
    private static readonly string[] Topics =
    [
        "VXLAN", "veth pairs", "Linux bridges", "network namespaces", "macvlan", "ipvlan", "iptables", "nftables", "eBPF",
        "CNI plugins", "Calico", "Cilium", "Flannel", "kube-proxy", "IPVS", "overlay networks", "service meshes", "DNS",
        "conntrack", "routing tables", "BGP", "Geneve", "SR-IOV", "DPDK", "XDP", "tc qdiscs", "MTU", "NAT",
    ];

    private static readonly string[] Verbs = ["Understanding", "Debugging", "A deep dive into", "Scaling", "Benchmarking", "Securing", "Tracing", "Demystifying"];
    private static readonly string[] First = ["Ana", "Brian", "Chen", "Dara", "Elif", "Femi", "Gita", "Hugo", "Ines", "Jon", "Kai", "Lee", "Mira", "Noor", "Ola"];
    private static readonly string[] Last = ["Anderson", "Bernat", "Calcote", "Dumazet", "Eriksen", "Fischer", "Graf", "Huang", "Ito", "Langemak", "Müller", "Novak"];
    private static readonly string[] Hosts = ["blog.example.com", "docs.example.org", "www.example.net", "medium.example.com", "talks.example.io", "engineering.example.dev"];
    private static readonly string[] Descriptions =
    [
        "explains how packets cross the host and where they get dropped.",
        ": a walk through the kernel code paths with diagrams and measurements.",
        "- with a reproducible lab you can run on a laptop.",
        "YouTube presentation",
        "",
        "",
    ];

    private int _counter;

    public int Write(TextWriter writer, int entries, int sections)
    {
        var perSection = entries / sections;
        var remainder = entries % sections;
        var written = 0;
        for (var s = 0; s < sections; s++)
        {
            var topic = Topics[s % Topics.Length];
            var nested = s % 5 != 0;
            writer.WriteLine(nested ? $"## {topic} notes {s}" : $"# {topic} {s}");
            writer.WriteLine();
            if (s % 3 == 0)
            {
                writer.WriteLine($"> Curated links about {topic}, checked nightly.");
                writer.WriteLine();
            }
            var target = perSection + (s < remainder ? 1 : 0);
            written += WriteEntries(writer, target, topic);
            writer.WriteLine();
        }
        return written;
    }

    private int WriteEntries(TextWriter writer, int count, string topic)
    {
        var written = 0;
        while (written < count)
        {
            var left = count - written;
            // A top-level bullet with up to three levels of children under it.
            var children = Math.Min(left - 1, random.Next(0, 6));
            writer.WriteLine("* " + Bullet(topic, top: true, hasChildren: children > 0));
            written++;
            var previous = 0;
            for (var c = 0; c < children; c++)
            {
                // One level deeper than the bullet before at most, never past depth 3.
                var depth = Math.Min(previous + 1, 1 + (random.Next(4) == 0 ? 1 : 0) + (random.Next(10) == 0 ? 1 : 0));
                previous = depth;
                writer.WriteLine(new string(' ', depth * 2) + "* " + Bullet(topic, top: false, hasChildren: false));
                written++;
            }
        }
        return written;
    }

    private string Bullet(string topic, bool top, bool hasChildren)
    {
        var n = ++_counter;
        if (top && hasChildren && n % 7 == 0) return $"[{Name()}](https://{Pick(Hosts)}/people/{n}) on [github](https://github.com/user{n})";
        if (top && hasChildren && n % 11 == 0) return $"{topic} talks and slides:";
        var date = random.Next(2) == 0 ? $"{2010 + random.Next(15)}-{1 + random.Next(12):D2}-{1 + random.Next(28):D2}: " : "";
        var title = $"{Pick(Verbs)} {topic}, part {n % 9 + 1}";
        var url = $"https://{Pick(Hosts)}/{n / 1000}/{topic.ToLowerInvariant().Replace(' ', '-')}-{n}";
        var authors = random.Next(4) switch
        {
            0 => "",
            1 => $" by [{Name()}](https://github.com/a{n})",
            2 => $" by [{Name()}](https://www.linkedin.com/in/a{n}/) and [{Name()}](https://b.example.com/{n}) ([github](https://github.com/b{n}))",
            _ => $" by {Name()}",
        };
        var description = Pick(Descriptions);
        return $"{date}[{title}]({url}){authors}{(description.Length > 0 && !description.StartsWith(':') ? " " : "")}{description}";
    }

    private string Name() => $"{Pick(First)} {Pick(Last)}";

    private string Pick(string[] items) => items[random.Next(items.Length)];
}
