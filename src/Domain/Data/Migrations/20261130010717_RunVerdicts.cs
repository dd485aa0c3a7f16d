using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContainerNetLib.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunVerdicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "counts_blocked",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_broken",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_failed",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_host_skipped",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_hosts",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_network_failures",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_ok",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_other",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_redirected",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_skipped",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_unreachable_hosts",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "counts_watching",
                table: "check_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "verdict",
                table: "check_runs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "verdict_reason",
                table: "check_runs",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "host_skipped",
                table: "check_results",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Runs finished before verdicts existed moved their links' states: they count as conclusive.
            migrationBuilder.Sql("""
                UPDATE check_runs r SET verdict = 'Conclusive',
                    counts_ok = (SELECT count(*) FROM check_results c WHERE c.run_id = r.id AND c.outcome = 'Ok'),
                    counts_redirected = (SELECT count(*) FROM check_results c WHERE c.run_id = r.id AND c.outcome = 'Redirected'),
                    counts_blocked = (SELECT count(*) FROM check_results c WHERE c.run_id = r.id AND c.outcome = 'Blocked'),
                    counts_skipped = (SELECT count(*) FROM check_results c WHERE c.run_id = r.id
                        AND c.outcome IN ('Skipped', 'Refused', 'InvalidUrl')),
                    counts_failed = (SELECT count(*) FROM check_results c WHERE c.run_id = r.id
                        AND c.outcome IN ('Broken', 'ServerError', 'Timeout', 'TlsError'))
                WHERE r.finished_at IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "counts_blocked",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "counts_broken",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "counts_failed",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "counts_host_skipped",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "counts_hosts",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "counts_network_failures",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "counts_ok",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "counts_other",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "counts_redirected",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "counts_skipped",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "counts_unreachable_hosts",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "counts_watching",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "verdict",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "verdict_reason",
                table: "check_runs");

            migrationBuilder.DropColumn(
                name: "host_skipped",
                table: "check_results");
        }
    }
}
