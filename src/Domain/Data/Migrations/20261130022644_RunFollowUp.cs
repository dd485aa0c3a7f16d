using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "notified_at",
                table: "check_runs",
                type: "timestamp with time zone",
                nullable: true);

            // Runs finished before this column existed were announced (or had nothing to announce) already.
            migrationBuilder.Sql("UPDATE check_runs SET notified_at = finished_at WHERE finished_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "notified_at",
                table: "check_runs");
        }
    }
}
