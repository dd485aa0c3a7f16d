using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class PageSearchAndDrifts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "saved_copies",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)",
                stored: true);

            migrationBuilder.CreateTable(
                name: "page_drifts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    normalized_url = table.Column<string>(type: "text", nullable: false),
                    url = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    similarity = table.Column<double>(type: "double precision", nullable: false),
                    old_title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    old_paragraph = table.Column<string>(type: "text", nullable: true),
                    old_final_url = table.Column<string>(type: "text", nullable: false),
                    new_title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    new_paragraph = table.Column<string>(type: "text", nullable: true),
                    new_final_url = table.Column<string>(type: "text", nullable: false),
                    detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    resolution = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_page_drifts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_saved_copies_search_vector",
                table: "saved_copies",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_page_drifts_open_url",
                table: "page_drifts",
                column: "normalized_url",
                unique: true,
                filter: "resolved_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "page_drifts");

            migrationBuilder.DropIndex(
                name: "ix_saved_copies_search_vector",
                table: "saved_copies");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "saved_copies");
        }
    }
}
