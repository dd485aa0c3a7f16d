using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Tests.Editing;

/// <summary>The one way a change is written (EditUnit): all of it with its history and a revision bump, or
/// nothing.</summary>
[Collection(PortalCollection.Name)]
public class EditUnitTests(TestDatabase server)
{
    private static readonly EditorIdentity Ed = new("user-1", "ed@example.org");

    [Fact]
    public async Task Two_editors_adding_the_same_thing_at_once_the_second_is_told_and_nothing_half_written_stays()
    {
        // Otherwise: the second editor sees an error page (two "Kubernetes" sections created in the same second
        // clash on their address), or a history row tells of a section that does not exist.
        await using var app = await PortalApp.StartAsync(server);
        var unit = app.Services.GetRequiredService<EditUnit>();
        var taken = await app.QueryAsync(db => db.Sections.Select(s => s.Slug).FirstAsync());
        var (revision, history, sections) = await CountsAsync(app);

        var outcome = await unit.RunAsync(Ed, TakeAddress(taken), conflict: null, CancellationToken.None);

        Assert.Equal(new EditOutcome.Invalid(EditUnit.SameMoment), outcome);
        Assert.Equal((revision, history, sections), await CountsAsync(app));
    }

    [Fact]
    public async Task A_versioned_save_that_clashes_with_another_answers_as_overtaken_with_the_text_to_merge()
    {
        // Otherwise: an editor whose rename met someone else's (both keeping the old address) is told they made "the
        // same change", and is not given the other editor's text to merge with.
        await using var app = await PortalApp.StartAsync(server);
        var unit = app.Services.GetRequiredService<EditUnit>();
        var taken = await app.QueryAsync(db => db.Sections.Select(s => s.Slug).FirstAsync());
        var overtaken = new EditOutcome.Conflict("current text", 7, "someone", null);

        var outcome = await unit.RunAsync(Ed, TakeAddress(taken), _ => Task.FromResult<EditOutcome>(overtaken),
            CancellationToken.None);

        Assert.Same(overtaken, outcome);
    }

    /// <summary>A section created under an address another one holds: free when looked up, taken when
    /// written.</summary>
    private static Func<Edit, Task<EditStep>> TakeAddress(string taken) => async edit =>
    {
        var section = new Section
        {
            Title = "Same moment", Slug = taken, Level = 2, HeadingMarkdown = "## Same moment\n",
            IntroMarkdown = "\n", OutroMarkdown = "\n", CreatedAt = edit.Now, UpdatedAt = edit.Now, Position = 99,
        };
        edit.Db.Sections.Add(section);
        edit.RecordSection("created", "Created section “Same moment”", 0, null, SectionSnapshot.Of(section));
        await edit.Db.SaveChangesAsync();
        return Edit.Done(section);
    };

    [Fact]
    public async Task A_change_that_records_nothing_writes_nothing_and_one_kept_on_its_row_bumps_the_revision()
    {
        // Otherwise: a step that wrote without saying so stays in the database with no bump (readers keep the old
        // page), or an accepted link's badge stays on readers' cached pages.
        await using var app = await PortalApp.StartAsync(server);
        var unit = app.Services.GetRequiredService<EditUnit>();
        var (revision, history, _) = await CountsAsync(app);

        var silent = await unit.RunAsync(Ed, async edit =>
        {
            await edit.Db.Sections.ExecuteUpdateAsync(s => s.SetProperty(x => x.Title, "Unrecorded"));
            return Edit.Done(() => "done");
        }, conflict: null, CancellationToken.None);
        Assert.Equal(new EditOutcome.Changed("done"), silent);
        Assert.False(await app.QueryAsync(db => db.Sections.AnyAsync(s => s.Title == "Unrecorded")));
        Assert.Equal(revision, (await CountsAsync(app)).Revision);

        var kept = await unit.RunAsync(Ed, async edit =>
        {
            await edit.Db.Sections.ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, edit.Now));
            edit.RecordOnItsRow();
            return Edit.Done(() => "kept");
        }, conflict: null, CancellationToken.None);
        Assert.Equal(new EditOutcome.Changed("kept"), kept);
        var after = await CountsAsync(app);
        Assert.Equal((revision + 1, history), (after.Revision, after.History));
    }

    private static async Task<(long Revision, int History, int Sections)> CountsAsync(PortalApp app) => (
        await app.QueryAsync(db => db.ReadingLists.Select(l => l.Revision).SingleAsync()),
        await app.QueryAsync(db => db.ContentChanges.CountAsync()),
        await app.QueryAsync(db => db.Sections.CountAsync()));
}
