using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <summary>An entry is written as a bullet, a table row or a passage; a row keeps its cells named by the header.
    /// Every entry stored before is a bullet.</summary>
    public partial class EntryShapesForTableRowsAndPassages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "shape",
                table: "entries",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Bullet");

            migrationBuilder.AddColumn<string>(
                name: "cells",
                table: "entries",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "cells", table: "entries");
            migrationBuilder.DropColumn(name: "shape", table: "entries");
        }
    }
}
