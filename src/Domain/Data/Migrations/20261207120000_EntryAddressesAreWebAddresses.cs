using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <summary>
    /// An entry's address, and every link's, is a web address (http or https). Rows stored before the rule lose an
    /// address that is not one (their Markdown keeps the link as text, as a new import reads it); then the database
    /// holds the rule.
    /// </summary>
    public partial class EntryAddressesAreWebAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE entries SET url = NULL, normalized_url = NULL " +
                "WHERE url IS NOT NULL AND url !~* '^\\s*https?:';");
            migrationBuilder.Sql("DELETE FROM links WHERE url !~* '^\\s*https?:';");

            migrationBuilder.AddCheckConstraint(
                name: "ck_links_url_web_address",
                table: "links",
                sql: "url ~* '^\\s*https?:'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_entries_url_web_address",
                table: "entries",
                sql: "url IS NULL OR url ~* '^\\s*https?:'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_links_url_web_address",
                table: "links");

            migrationBuilder.DropCheckConstraint(
                name: "ck_entries_url_web_address",
                table: "entries");
        }
    }
}
