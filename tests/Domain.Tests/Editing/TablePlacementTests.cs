using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.Editing;

/// <summary>Where an entry may stand beside a table's rows after a move or an add at a chosen place.</summary>
public class TablePlacementTests
{
    private static Entry Bullet(string name) => new() { Markdown = $"* {name}", Title = name };

    private static Entry Row(string name, bool opens = false) => new()
    {
        Markdown = $"| {name} |", Title = name, Shape = EntryShape.TableRow,
        LeadingMarkdown = opens ? "| Name |\n|---|\n" : "",
    };

    [Fact]
    public void A_bullet_placed_between_two_rows_or_after_the_last_row_is_refused_and_before_the_table_is_not()
    {
        // Otherwise: a bullet moved into a table becomes a broken row of it in the exported file, or cuts the table
        // in two so that its second half loses its header.
        var (before, first, second, bullet) = (Bullet("before"), Row("first", opens: true), Row("second"),
            Bullet("moved"));
        Assert.Equal(TablePlacement.NotAfterARow, TablePlacement.Problem([before, first, bullet, second], bullet));
        Assert.Equal(TablePlacement.NotAfterARow, TablePlacement.Problem([before, first, second, bullet], bullet));
        Assert.Null(TablePlacement.Problem([before, bullet, first, second], bullet));
        Assert.Null(TablePlacement.Problem([bullet, before, first, second], bullet));
    }

    [Fact]
    public void A_row_moves_only_among_the_rows_after_the_first_and_the_first_never_moves()
    {
        // Otherwise: the row carrying the header lines leaves with them, or a row lands outside its table, and the
        // reader page shows a table without a header and a stray line of pipes.
        var (before, first, second, third) = (Bullet("before"), Row("first", opens: true), Row("second"),
            Row("third"));
        Assert.Null(TablePlacement.Problem([before, first, third, second], third));
        Assert.Equal(TablePlacement.RowStays, TablePlacement.Problem([before, third, first, second], third));
        Assert.Equal(TablePlacement.RowStays, TablePlacement.Problem([third, before, first, second], third));
        Assert.Equal(TablePlacement.RowStays, TablePlacement.Problem([before, second, first, third], first));
        Assert.Equal(TablePlacement.RowStays, TablePlacement.LeavingSiblings(second));
        Assert.Null(TablePlacement.LeavingSiblings(before));
    }
}
