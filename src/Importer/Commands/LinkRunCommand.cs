using System.Text.Json;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Importer.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Importer.Commands;

/// <summary>
/// link-run [--section SLUG] [--json]: a recorded check of the list (or one section), run here and now by the
/// nightly job's own services: results stored, states moved if the run is conclusive, webhook told, and the
/// working pages' copies saved before it returns. Every LinkHealth:* and SavedCopies:* setting applies (environment
/// variables such as LinkHealth__Canaries__0). Exit 0 for a conclusive run, 4 for an inconclusive one.
/// </summary>
internal sealed class LinkRunCommand : ICommand
{
    public const int InconclusiveExitCode = 4;

    /// <summary>As many chunks at once as the portal's job server has workers.</summary>
    private static readonly int ChunksAtOnce = JobWorkers.Count;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> RunAsync(Arguments arguments, CommandContext context, CancellationToken ct)
    {
        var section = arguments.Option("--section");
        var json = arguments.Flag("--json");
        if (arguments.Positional() is [var extra, ..]) throw new UsageException($"link-run takes no '{extra}'");
        string connection;
        using (var probe = context.OpenDatabase()) connection = probe.Database.GetConnectionString()!;

        await using var services = LinkCheckingCommandServices.Build(context, connection,
            more => more.AddCopySaving(context.Settings));
        var runs = services.GetRequiredService<RecordedRuns>();
        var scope = section is null ? CheckScope.List : CheckScope.Section(section);
        var run = await runs.StartAsync(scope, CheckTrigger.CommandLine, "command line", ct)
            ?? throw new UsageException($"no section '{section}'");
        if (context.Interactive)
            await context.Error.WriteLineAsync($"run {run.Id}: {run.UrlCount} URLs in {run.ChunkCount} chunks");
        // Chunks side by side, as the job server's workers take them: they share this process's politeness limits.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ChunksAtOnce, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, run.ChunkCount), parallel,
            async (chunk, token) => await runs.CheckChunkAsync(run.Id, chunk, token));
        // The copies the run asked for, as the portal's copy jobs would save them: one command leaves both done.
        var copies = new CopyTally();
        var copyRuns = services.GetRequiredService<CopyRuns>();
        await Parallel.ForEachAsync(Enumerable.Range(0, run.ChunkCount), parallel,
            async (chunk, token) => copies.Add(await copyRuns.SaveChunkAsync(run.Id, chunk, token)));

        await using var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        var done = await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id, ct);
        await context.Out.WriteLineAsync(json ? JsonSerializer.Serialize(Summary(done, copies), Json)
            : $"{Text(done)} {CopiesText(copies)}");
        return done.Verdict == RunVerdictKind.Inconclusive ? InconclusiveExitCode : 0;
    }

    private static object Summary(CheckRun run, CopyTally copies) => new
    {
        runId = run.Id,
        verdict = run.Verdict?.ToString(),
        reason = run.VerdictReason,
        @checked = run.UrlCount,
        working = run.Counts.Working,
        ok = run.Counts.Ok,
        redirected = run.Counts.Redirected,
        archived = run.Counts.Other,
        failed = run.Counts.Failed,
        networkFailures = run.Counts.NetworkFailures,
        newlyBroken = run.NewlyBroken,
        broken = run.Counts.Broken,
        watching = run.Counts.Watching,
        blocked = run.Counts.Blocked,
        skipped = run.Counts.Skipped,
        hosts = run.Counts.Hosts,
        unreachableHosts = run.Counts.UnreachableHosts,
        copies = new { saved = copies.New, unchanged = copies.Unchanged, refused = copies.Refused,
            notFetched = copies.Failed },
    };

    private static string CopiesText(CopyTally copies) =>
        $"Copies: {copies.New} saved, {copies.Unchanged} unchanged, {copies.Refused} refused, " +
        $"{copies.Failed} not fetched.";

    private static string Text(CheckRun run)
    {
        var verdict = run.Verdict == RunVerdictKind.Inconclusive ? $"inconclusive ({run.VerdictReason})" : "conclusive";
        return $"run {run.Id}: {verdict}. {RunSentence.Of(run)} {run.NewlyBroken} newly broken.";
    }
}
