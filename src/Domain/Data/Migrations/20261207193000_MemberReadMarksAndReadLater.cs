using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberReadMarksAndReadLater : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "member_visits",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    previous_visit_ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone",
                        nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_all_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_visits", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_member_visits_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "read_later",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    entry_id = table.Column<long>(type: "bigint", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_read_later", x => new { x.user_id, x.entry_id });
                    table.ForeignKey(
                        name: "fk_read_later_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_read_later_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "read_marks",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    entry_id = table.Column<long>(type: "bigint", nullable: false),
                    read = table.Column<bool>(type: "boolean", nullable: false),
                    marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_read_marks", x => new { x.user_id, x.entry_id });
                    table.ForeignKey(
                        name: "fk_read_marks_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_read_marks_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_entries_created_at",
                table: "entries",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_read_later_entry_id",
                table: "read_later",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_read_marks_entry_id",
                table: "read_marks",
                column: "entry_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "ix_entries_created_at", table: "entries");
            migrationBuilder.DropTable(name: "member_visits");
            migrationBuilder.DropTable(name: "read_later");
            migrationBuilder.DropTable(name: "read_marks");
        }
    }
}
