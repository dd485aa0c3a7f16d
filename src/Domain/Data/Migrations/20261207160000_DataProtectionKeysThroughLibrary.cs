using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <summary>
    /// Data Protection keys are kept by the framework's own repository (PersistKeysToDbContext), whose entity has
    /// the same table and columns as ours had, only with the key's XML nullable: every key already stored stays as
    /// it is and is read as before, so no one is signed out.
    /// </summary>
    public partial class DataProtectionKeysThroughLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "xml",
                table: "data_protection_keys",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The framework never stores a key without its XML; a row without one could not be read anyway.
            migrationBuilder.Sql("DELETE FROM data_protection_keys WHERE xml IS NULL;");
            migrationBuilder.AlterColumn<string>(
                name: "xml",
                table: "data_protection_keys",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
