using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <summary>A saved copy's number per URL is called number, not version (the rows' concurrency token): the
    /// column and its unique index are renamed, the data stays.</summary>
    public partial class SavedCopyNumberNotVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(name: "version", table: "saved_copies", newName: "number");
            migrationBuilder.RenameIndex(name: "ix_saved_copies_normalized_url_version", table: "saved_copies",
                newName: "ix_saved_copies_normalized_url_number");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(name: "ix_saved_copies_normalized_url_number", table: "saved_copies",
                newName: "ix_saved_copies_normalized_url_version");
            migrationBuilder.RenameColumn(name: "number", table: "saved_copies", newName: "version");
        }
    }
}
