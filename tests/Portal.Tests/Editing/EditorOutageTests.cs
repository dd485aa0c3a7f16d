using Bunit;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Tests.Editing;

/// <summary>An editor saving while the database is stopped, and once it is back.</summary>
[Collection(PortalCollection.Name)]
public class EditorOutageTests(TestDatabase database)
{
    // A save on a fresh connection to a just-started server takes longer than bUnit's one second on a busy machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private const string List = "# Faults\n\n## Overlays\n\n* [Geneve](https://geneve.example/)\n";

    [Fact]
    public async Task A_save_while_the_database_is_down_says_nothing_was_saved_and_keeps_the_text_until_it_is_back()
    {
        // Otherwise: the editor's session ends with "An unhandled error has occurred" and what they typed is gone.
        await using var cluster = await OwnCluster.StartAsync("editor-save");
        await using var app = await cluster.PortalAsync(database, List);
        using var context = await app.EditorContextAsync();
        var form = context.Render<NewEntryForm>();
        form.WaitForState(() => form.FindAll("#new-section option").Count > 1, Patience);
        // Found and fired in one turn of the renderer: choosing a section re-renders the form (its parents' list)
        // while the test goes on, and an element found before that render has no handler after it.
        await form.InvokeAsync(() =>
            form.Find("#new-section").Change(form.FindAll("#new-section option")[1].GetAttribute("value")));
        await form.InvokeAsync(() => form.Find("#new-title").Input("VXLAN in depth"));

        await cluster.StopAsync();
        await form.Find("form.entry-form").SubmitAsync();
        form.WaitForAssertion(() =>
            Assert.Contains(EditorComponentBase.NothingSaved, form.Find("[role=alert]").TextContent), Patience);
        Assert.Equal("VXLAN in depth", form.Find("#new-title").GetAttribute("value"));

        await cluster.StartAgainAsync();
        await form.Find("form.entry-form").SubmitAsync();
        form.WaitForAssertion(() => Assert.Contains("Added.", form.Find("[role=status]").TextContent), Patience);
        await using var check = PortalDatabase.Create(cluster.ConnectionString);
        Assert.Equal(1, await check.Entries.CountAsync(e => e.Title == "VXLAN in depth"));
    }
}
