using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>One case per convention of the list: the bullet as written, and what a reader should see of it.</summary>
public class ConventionTests
{
    private static EntryNode Only(string bullets)
    {
        var result = ReadingListParser.Parse("# S\n\n" + bullets);
        return result.Document.Sections[0].Entries[0];
    }

    [Fact]
    public void Dated_link_with_two_authors_and_a_profile_link()
    {
        var f = Only("* 2017-06-01: [Understanding container networking](https://o.example/ucn) by [Brian Anderson](https://m.example/@b) and [Lee Calcote](https://w.example/lee)([github](https://github.com/leecalcote))\n").Fields;
        Assert.Equal(EntryKind.Link, f.Kind);
        Assert.Equal(new DateOnly(2017, 6, 1), f.Date);
        Assert.Equal("Understanding container networking", f.Title);
        Assert.Equal("https://o.example/ucn", f.Url);
        Assert.Equal(["Brian Anderson", "Lee Calcote"], f.Authors.Select(a => a.Name));
        Assert.Equal(["https://github.com/leecalcote"], f.Authors[1].Profiles);
        Assert.Equal([LinkRole.Primary, LinkRole.Author, LinkRole.Author, LinkRole.Author], f.Links.Select(l => l.Role));
        Assert.Null(f.Description);
    }

    [Fact]
    public void Person_bullet_whose_children_are_posts()
    {
        var e = Only("* [Jon Langemak](http://d.example/) on [github](https://github.com/jonlangemak)\n  * 2017-02-17: [Understanding CNI](http://d.example/cni/)\n");
        Assert.Equal(EntryKind.Person, e.Fields.Kind);
        Assert.Equal("Jon Langemak", e.Fields.Title);
        Assert.Equal(["https://github.com/jonlangemak"], e.Fields.Authors.Single().Profiles);
        Assert.Equal(EntryKind.Link, e.Children.Single().Fields.Kind);
    }

    [Fact]
    public void Label_bullet_groups_its_children()
    {
        var e = Only("* Container Networking Performance:\n  * [macvlan and ipvlan](https://s.example/m)\n");
        Assert.Equal(EntryKind.Group, e.Fields.Kind);
        Assert.Equal("Container Networking Performance", e.Fields.Title);
        Assert.Null(e.Fields.Url);
    }

    [Fact]
    public void Quoted_title_with_author_and_here_links()
    {
        var e = Only("* \"Fun with veth-devices\" by [Ralph Mönchmeyer](http://r.example/), [here](http://d.example/r), [here](https://x.example/r)\n  * 2017-10-30: [Part 1](http://r.example/1)\n");
        Assert.Equal("Fun with veth-devices", e.Fields.Title);
        Assert.Equal("Ralph Mönchmeyer", e.Fields.Authors.Single().Name);
        Assert.Equal(["http://d.example/r", "https://x.example/r"], e.Fields.Authors.Single().Profiles);
        Assert.Equal(3, e.Fields.Links.Count);
    }

    [Fact]
    public void Description_after_explains_or_a_colon()
    {
        var explains = Only("* 2017-06-20: [Nspawn](https://c.example/n) by [Kevin Carter](https://l.example/k) explains how to use macvlan.\n").Fields;
        Assert.Equal("how to use macvlan.", explains.Description);
        Assert.Equal("Kevin Carter", explains.Authors.Single().Name);
        var colon = Only("* [TRACE target](https://s.example/a): on newer systems run `modprobe nf_log_ipv4`.\n").Fields;
        Assert.Equal("on newer systems run modprobe nf_log_ipv4.", colon.Description);
        Assert.Empty(colon.Authors);
    }

    [Fact]
    public void Plain_author_name_without_a_link()
    {
        var f = Only("* 2013-10-21: [SDN using VXLAN](http://e.example/s.pdf) by Thomas Richter\n").Fields;
        Assert.Equal("Thomas Richter", f.Authors.Single().Name);
        Assert.Null(f.Authors.Single().Url);
    }

    [Fact]
    public void Owner_before_the_title_link()
    {
        var f = Only("* [Solarwinds](https://github.com/solarwinds)' [Container Network Performance Tool](https://github.com/solarwinds/c)\n").Fields;
        Assert.Equal("Container Network Performance Tool", f.Title);
        Assert.Equal("Solarwinds", f.Authors.Single().Name);
    }

    [Fact]
    public void By_deep_inside_prose_is_not_an_author()
    {
        var f = Only("* [facebook-voyager](https://c.example/v) open transponder hardware contributed by Facebook, designed for backhaul.\n").Fields;
        Assert.Empty(f.Authors);
        Assert.Equal("open transponder hardware contributed by Facebook, designed for backhaul.", f.Description);
    }

    [Fact]
    public void Prefix_before_the_title_link_becomes_the_description()
    {
        var f = Only("* Webinar: [Docker Networking Fundamentals](http://i.example/d)\n").Fields;
        Assert.Equal("Docker Networking Fundamentals", f.Title);
        Assert.Equal("Webinar", f.Description);
    }

    [Fact]
    public void Prose_without_links_is_a_note()
    {
        var f = Only("* Use `iptables-save` to see the complete picture.\n").Fields;
        Assert.Equal(EntryKind.Note, f.Kind);
        Assert.Equal("Use iptables-save to see the complete picture.", f.Title);
    }

    [Fact]
    public void Reference_links_resolve_to_their_definitions()
    {
        var result = ReadingListParser.Parse("# S\n\n* [Docker Cheat Sheet][dcs] by [@wsargent][ws]\n\n[dcs]: https://github.com/wsargent/docker-cheat-sheet\n[ws]: https://github.com/wsargent\n");
        var f = result.Document.Sections[0].Entries[0].Fields;
        Assert.Equal("https://github.com/wsargent/docker-cheat-sheet", f.Url);
        Assert.Equal("@wsargent", f.Authors.Single().Name);
        Assert.Contains("[dcs]: https://github.com/wsargent/docker-cheat-sheet", result.Document.Sections[0].OutroMarkdown);
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_kept_and_warned_about_with_its_line()
    {
        var result = ReadingListParser.Parse("# S\n\n* ok\n* 2017-13-45: [Bad](https://b.example/)\n");
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(4, warning.Line);
        Assert.Contains("2017-13-45", warning.Message);
        Assert.Null(result.Document.Sections[0].Entries[1].Fields.Date);
    }

    [Fact]
    public void Bullet_that_does_not_start_with_text_is_warned_about_and_kept()
    {
        const string markdown = "# S\n\n*     indented code in a bullet\n";
        var result = ReadingListParser.Parse(markdown);
        Assert.Contains(result.Warnings, w => w.Line == 3);
        Assert.Equal(markdown, ReadingListWriter.Write(result.Document));
    }

    [Fact]
    public void A_list_before_the_first_heading_stays_preamble_with_a_warning()
    {
        const string markdown = "* [a](https://a.example/)\n\n# S\n";
        var result = ReadingListParser.Parse(markdown);
        Assert.Equal("* [a](https://a.example/)\n\n", result.Document.Preamble);
        Assert.Equal(1, Assert.Single(result.Warnings).Line);
        Assert.Equal(markdown, ReadingListWriter.Write(result.Document));
    }

    [Fact]
    public void Setext_headings_and_html_survive_as_written()
    {
        const string markdown = "<h1 align=\"center\">Logo</h1>\n\nTitle\n=====\n\nIntro *text*.\n\nSub\n---\n+ [x](https://x.example/)\n+ item that runs\n  over two lines\n";
        var result = ReadingListParser.Parse(markdown);
        Assert.Equal(["Title", "Sub"], RoundTrip.AllSections(result.Document).Select(s => s.Title));
        Assert.Equal("item that runs\n  over two lines", result.Document.Sections[0].Children[0].Entries[1].Markdown);
        Assert.Equal(markdown, ReadingListWriter.Write(result.Document));
    }

    [Fact]
    public void Missing_final_newline_is_kept()
    {
        const string markdown = "# S\n\n* [a](https://a.example/)";
        Assert.Equal(markdown, ReadingListWriter.Write(ReadingListParser.Parse(markdown).Document));
    }
}
