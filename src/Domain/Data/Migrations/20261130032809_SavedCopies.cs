using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class SavedCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "copies_off_hosts",
                columns: table => new
                {
                    host = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    switched_off_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    switched_off_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_copies_off_hosts", x => x.host);
                });

            migrationBuilder.CreateTable(
                name: "copy_refusals",
                columns: table => new
                {
                    normalized_url = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_copy_refusals", x => x.normalized_url);
                });

            migrationBuilder.CreateTable(
                name: "saved_copies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    normalized_url = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    url = table.Column<string>(type: "text", nullable: false),
                    final_url = table.Column<string>(type: "text", nullable: false),
                    host = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    byline = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    published = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lead_image_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    text = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    word_count = table.Column<int>(type: "integer", nullable: false),
                    truncated = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_copies", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_saved_copies_host",
                table: "saved_copies",
                column: "host");

            migrationBuilder.CreateIndex(
                name: "ix_saved_copies_normalized_url_version",
                table: "saved_copies",
                columns: new[] { "normalized_url", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "copies_off_hosts");

            migrationBuilder.DropTable(
                name: "copy_refusals");

            migrationBuilder.DropTable(
                name: "saved_copies");
        }
    }
}
