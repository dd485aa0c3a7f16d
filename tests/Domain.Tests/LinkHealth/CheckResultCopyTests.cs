using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth.Runs;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

public class CheckResultCopyTests
{
    [Fact]
    public void The_copy_writes_every_column_of_a_check_result_but_its_key()
    {
        // Otherwise: a column added to CheckResult is silently left empty for every link the nightly run checks.
        using var db = PortalDatabase.Create("Host=127.0.0.1;Database=model-only");
        var table = db.Model.FindEntityType(typeof(CheckResult))!.GetProperties()
            .Select(p => p.GetColumnName()).Where(c => c != "id").Order().ToList();

        Assert.Equal(table, CheckResultCopy.Columns.Order().ToList());
    }
}
