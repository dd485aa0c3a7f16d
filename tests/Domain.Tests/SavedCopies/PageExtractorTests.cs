using System.Text;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Domain.Tests.SavedCopies;

/// <summary>What a copy keeps of a page: the article and its facts, never the site around it.</summary>
public class PageExtractorTests
{
    static PageExtractorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Uri Address = new("https://blog.example/posts/networking");

    private static PageExtract Html(string html, int maxChars = 200_000) =>
        PageExtractor.FromHtml(Encoding.UTF8.GetBytes(html), "utf-8", Address, maxChars);

    [Fact]
    public void The_copy_holds_the_article_without_navigation_ads_banners_comments_or_footer()
    {
        var copy = Html(CopyPages.Article());
        // Otherwise: a reader opening a dead link's copy wades through menus, cookie notices and spam.
        Assert.Null(copy.Refusal);
        Assert.Contains(CopyPages.ArticleWords, copy.Text);
        Assert.Contains("## Virtual Ethernet pairs", copy.Text);
        Assert.Contains("\n\n- one end in the host\n\n- one end in the container", copy.Text);
        foreach (var clutter in CopyPages.ClutterWords) Assert.DoesNotContain(clutter, copy.Text);
        Assert.DoesNotContain("Related posts", copy.Text);
    }

    [Fact]
    public void Reading_a_page_leaves_SmartReaders_process_wide_settings_as_the_library_set_them()
    {
        var copy = Html(CopyPages.Article());
        // Otherwise: anything else in the process that reads an article through SmartReader (the importer, a future
        // feature, another test) silently gets our plain-text blocks instead of the article's HTML.
        Assert.Contains(CopyPages.ArticleWords, copy.Text);
        Assert.NotEqual(typeof(PageExtractor).Assembly, SmartReader.Article.Serializer.Method.DeclaringType?.Assembly);
        Assert.NotEqual(typeof(PageExtractor).Assembly, SmartReader.Article.Converter.Method.DeclaringType?.Assembly);
    }

    [Fact]
    public void Title_byline_date_and_lead_image_come_with_the_text()
    {
        var copy = Html(CopyPages.Article());
        // Otherwise: the copy page cannot say whose article it was or when it appeared.
        Assert.StartsWith("Container networking, from the bottom up", copy.Title);
        Assert.Contains("Ada Lovelace", copy.Byline);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero), copy.Published);
        Assert.Equal("https://blog.example/images/lead.png", copy.LeadImageUrl);
    }

    [Theory]
    [InlineData("windows-1252", "Café crème, naïve façade — “quoted”")]
    [InlineData("iso-8859-1", "Über Straßen und Brücken")]
    [InlineData("windows-1251", "Сетевые пространства имён")]
    public void A_charset_declared_only_in_meta_decodes_right(string charset, string words)
    {
        var copy = PageExtractor.FromHtml(CopyPages.MetaCharset(charset, words), null, Address, 200_000);
        // Otherwise: a French or German article's copy is full of mojibake.
        Assert.Contains(words, copy.Text);
        Assert.Equal(words, copy.Title);
    }

    [Fact]
    public void A_page_that_asks_not_to_be_archived_gives_no_copy()
    {
        var copy = Html(CopyPages.NoArchiveMeta);
        // Otherwise: the portal keeps a copy its author explicitly refused.
        Assert.Equal(CopyRefusalReason.NoArchive, copy.Refusal);
        Assert.Equal("", copy.Text);
    }

    [Theory]
    [InlineData("noarchive", true)]
    [InlineData("noindex, NOARCHIVE", true)]
    [InlineData("otherbot: noarchive", true)]
    [InlineData("noindex, nofollow", false)]
    [InlineData("archive", false)]
    public void Robots_directives_are_read_as_a_list(string directives, bool noArchive)
    {
        // Otherwise: "noindex, noarchive" (the usual spelling) slips through, or "noindex" blocks a copy.
        Assert.Equal(noArchive, PageExtractor.HasNoArchive(directives));
    }

    [Fact]
    public void Scripts_styles_frames_and_handlers_leave_only_their_words()
    {
        var copy = Html(CopyPages.Injection);
        // Otherwise: a page's script could reach the portal's readers through its copy.
        Assert.DoesNotContain("alert(7)", copy.Text);
        Assert.DoesNotContain("display:none", copy.Text);
        Assert.DoesNotContain("onclick", copy.Text);
        Assert.DoesNotContain("<p", copy.Text);
        // Words that merely look like markup are the page's text and stay text (shown encoded).
        Assert.Contains(CopyPages.Payload, copy.Text);
        Assert.Contains(CopyPages.Payload, copy.Title);
    }

    [Fact]
    public void Text_over_the_cap_is_cut_at_a_block_boundary()
    {
        var long1 = string.Join("", Enumerable.Range(0, 40).Select(i => $"<p>Paragraph {i}. {CopyPages.Filler}</p>"));
        var copy = Html($"<html><body><article>{long1}</article></body></html>", maxChars: 2_000);
        // Otherwise: a 50 MB text blows the database row, or the copy ends in half a word.
        Assert.True(copy.Truncated);
        Assert.InRange(copy.Text.Length, 1_000, 2_000);
        Assert.EndsWith("understand.", copy.Text);
    }

    [Fact]
    public void A_pdf_gives_its_text_page_by_page_with_its_title_and_author()
    {
        var copy = PdfExtractor.FromPdf(CopyPages.Pdf(), 200_000);
        // Otherwise: papers on the list (many are PDFs) have no copy.
        Assert.Equal(SavedCopyKind.Pdf, copy.Kind);
        Assert.Contains(CopyPages.PdfWords, copy.Text);
        Assert.Contains("The second page speaks of cgroups.", copy.Text);
        Assert.Equal("Namespaces paper", copy.Title);
        Assert.Equal("Grace Hopper", copy.Byline);
    }

    [Fact]
    public void A_damaged_pdf_is_unreadable_not_an_error()
    {
        var copy = PdfExtractor.FromPdf("%PDF-1.4 not really"u8.ToArray(), 200_000);
        // Otherwise: one broken file fails the whole chunk's copy job.
        Assert.Equal(CopyRefusalReason.Unreadable, copy.Refusal);
    }

    [Fact]
    public void Copy_text_reads_back_as_headings_paragraphs_and_items()
    {
        var blocks = CopyText.Blocks("# Title\n\nFirst words.\n\n## Part\n\n- item\n\nLast words.").ToList();
        // Otherwise: the copy page shows "## Part" as a paragraph, or search reads the markers as words.
        Assert.Equal([CopyBlockKind.Heading, CopyBlockKind.Paragraph, CopyBlockKind.Heading, CopyBlockKind.ListItem,
            CopyBlockKind.Paragraph], blocks.Select(b => b.Kind));
        Assert.Equal(2, blocks[2].Level);
        Assert.Equal("First words.", CopyText.FirstParagraph("# Title\n\nFirst words."));
        Assert.Equal("Title\n\nFirst words.", CopyText.Plain("# Title\n\nFirst words."));
        Assert.Equal(3, CopyText.WordCount("# Title\n\nFirst words."));
    }

    [Fact]
    public void A_page_without_an_image_has_no_lead_image()
    {
        var copy = Html("<html><head><title>Plain</title></head><body><article><p>" + CopyPages.Filler +
            "</p></article></body></html>");
        // Otherwise: the copy page shows the article's own address as its picture.
        Assert.Null(copy.LeadImageUrl);
    }

    [Fact]
    public void A_page_nested_hundreds_deep_is_unreadable_not_a_stuck_worker()
    {
        var depth = PageExtractor.MaxDepth + 50;
        var nested = string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>" + CopyPages.Filler + "</p>";
        var started = System.Diagnostics.Stopwatch.StartNew();
        var copy = Html("<html><body>" + nested + "</body></html>");
        // Otherwise: a hostile page of nested elements keeps the copy job's worker busy for hours.
        Assert.Equal(CopyRefusalReason.Unreadable, copy.Refusal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"took {started.Elapsed}");
    }

    [Fact]
    public void A_page_whose_reading_runs_out_of_time_is_unreadable()
    {
        using var spent = new CancellationTokenSource();
        spent.Cancel();
        var copy = PageExtractor.FromHtml(Encoding.UTF8.GetBytes(CopyPages.Article()), "utf-8", Address, 200_000,
            spent.Token);
        // Otherwise: a page that takes minutes to parse is parsed to the end, however long that is.
        Assert.Equal(CopyRefusalReason.Unreadable, copy.Refusal);
    }
}
