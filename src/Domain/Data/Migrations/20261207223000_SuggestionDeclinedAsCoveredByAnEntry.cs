using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class SuggestionDeclinedAsCoveredByAnEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "covered_by_entry_id",
                table: "suggestions",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "covered_by_entry_id",
                table: "suggestions");
        }
    }
}
