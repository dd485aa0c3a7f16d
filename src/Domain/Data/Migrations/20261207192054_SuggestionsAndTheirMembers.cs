using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class SuggestionsAndTheirMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "suggestions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    normalized_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    section_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    why = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    check_outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    check_status = table.Column<int>(type: "integer", nullable: true),
                    check_final_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    page_title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    accepted_entry_id = table.Column<long>(type: "bigint", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suggestions", x => x.id);
                    table.ForeignKey(
                        name: "fk_suggestions_sections_section_id",
                        column: x => x.section_id,
                        principalTable: "sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "suggestion_members",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    suggestion_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suggestion_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_suggestion_members_suggestions_suggestion_id",
                        column: x => x.suggestion_id,
                        principalTable: "suggestions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_suggestion_members_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_suggestion_members_suggestion_id_user_id",
                table: "suggestion_members",
                columns: new[] { "suggestion_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_suggestion_members_user_id_added_at",
                table: "suggestion_members",
                columns: new[] { "user_id", "added_at" });

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_pending_address",
                table: "suggestions",
                column: "normalized_url",
                unique: true,
                filter: "state = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_section_id",
                table: "suggestions",
                column: "section_id");

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_state_created_at",
                table: "suggestions",
                columns: new[] { "state", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "suggestion_members");

            migrationBuilder.DropTable(
                name: "suggestions");
        }
    }
}
