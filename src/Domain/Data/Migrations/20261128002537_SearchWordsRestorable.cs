using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchWordsRestorable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // pg_restore runs with an empty search_path: the view's query must name its table's schema,
            // or a restored backup fails at "refresh materialized view" (found by scripts/backup-drill.sh).
            migrationBuilder.Sql("""
                drop materialized view if exists search_words;
                create materialized view search_words as
                select word, ndoc from pg_catalog.ts_stat($$select pg_catalog.to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || pg_catalog.array_to_string(author_keys, ' ')) from public.entries$$);
                create unique index ix_search_words_word on search_words (word);
                create index ix_search_words_trgm on search_words using gin (word public.gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop materialized view if exists search_words;
                create materialized view search_words as
                select word, ndoc from ts_stat($$select to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || array_to_string(author_keys, ' ')) from entries$$);
                create unique index ix_search_words_word on search_words (word);
                create index ix_search_words_trgm on search_words using gin (word gin_trgm_ops);
                """);
        }
    }
}
