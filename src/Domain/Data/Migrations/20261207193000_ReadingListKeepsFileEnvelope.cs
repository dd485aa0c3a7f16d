using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReadingListKeepsFileEnvelope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "byte_order_mark",
                table: "reading_lists",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "line_ending",
                table: "reading_lists",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                defaultValue: "Lf");

            migrationBuilder.AddColumn<string>(
                name: "line_ending_exceptions",
                table: "reading_lists",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "byte_order_mark",
                table: "reading_lists");

            migrationBuilder.DropColumn(
                name: "line_ending",
                table: "reading_lists");

            migrationBuilder.DropColumn(
                name: "line_ending_exceptions",
                table: "reading_lists");
        }
    }
}
