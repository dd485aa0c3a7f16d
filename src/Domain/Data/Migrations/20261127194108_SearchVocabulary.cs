using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The words readers can search for, for typo correction ("calcio" -> "calico"): a few
            // thousand rows with a trigram index, instead of scoring every title.
            migrationBuilder.Sql("""
                create extension if not exists fuzzystrmatch;
                create materialized view search_words as
                select word, ndoc from ts_stat($$select to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || array_to_string(author_keys, ' ')) from entries$$);
                create unique index ix_search_words_word on search_words (word);
                create index ix_search_words_trgm on search_words using gin (word gin_trgm_ops);
                """);

            migrationBuilder.DropIndex(
                name: "ix_entries_title",
                table: "entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("drop materialized view if exists search_words;");

            migrationBuilder.CreateIndex(
                name: "ix_entries_title",
                table: "entries",
                column: "title")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
