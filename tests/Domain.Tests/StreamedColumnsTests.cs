using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.LinkHealth.Runs;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Tests;

/// <summary>The bulk writes (binary COPY) name their columns by hand: these hold them to the EF model.</summary>
public class StreamedColumnsTests
{
    [Fact]
    public void The_copy_writes_every_column_of_a_check_result_but_its_key()
    {
        // Otherwise: a column added to CheckResult is silently left empty for every link the nightly run checks.
        var table = DeclaredColumns<CheckResult>().Where(c => c != "id").Order().ToList();

        Assert.Equal(table, CheckResultStream.Columns.Order().ToList());
    }

    [Fact]
    public void The_import_copy_writes_every_column_of_an_entry_in_the_order_the_entity_declares_them()
    {
        // Otherwise: a field added to Entry is left empty for every imported entry, or a value lands in its
        // neighbour's column (a title in the URL), and the reader pages show it after the next import.
        var declared = DeclaredColumns<Entry>();

        Assert.Equal(declared.Except(EntryWrites.NotWritten), EntryWrites.Written.Select(w => w.Column));
        Assert.All(EntryWrites.NotWritten, column => Assert.Contains(column, declared));
    }

    /// <summary>The columns of the entity's mapped properties, in the order its class declares them (properties
    /// that only the model has, last).</summary>
    private static List<string> DeclaredColumns<T>()
    {
        using var db = PortalDatabase.Create("Host=127.0.0.1;Database=model-only");
        var order = typeof(T).GetProperties().Select((p, i) => (p.Name, i)).ToDictionary();
        return db.Model.FindEntityType(typeof(T))!.GetProperties()
            .OrderBy(p => order.GetValueOrDefault(p.Name, int.MaxValue))
            .Select(p => p.GetColumnName()).ToList();
    }
}
