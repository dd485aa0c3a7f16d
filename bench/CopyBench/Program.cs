using System.Diagnostics;
using System.Net;
using System.Text;
using ContainerNetLib.Bench.CopyBench;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

// usage: CopyBench <pages> <connection string of an empty bench database>
// 1. extraction alone of synthetic ~50 KB pages; 2. the copy job's own path for each (CopyRuns.SaveUrlAsync: fetched
// from a local server through the checker's guard and politeness, no waits between requests; extracted; stored);
// 3. the storage those copies take in PostgreSQL.
var count = args.Length > 0 ? int.Parse(args[0]) : 1000;
var connection = args[1];
var generator = new SyntheticPages(20261130);
var pages = Enumerable.Range(0, count).Select(i => Encoding.UTF8.GetBytes(generator.Page(i))).ToArray();
Console.WriteLine($"pages: {count}, average {pages.Average(p => p.Length) / 1024:0.0} KB, " +
    $"processors: {Environment.ProcessorCount}");
var archive = new SavedCopyOptions();

// Warm-up on other pages: the figures are for compiled code, not for the JIT's first tiers.
var warmUp = Enumerable.Range(count, 200).Select(i => Encoding.UTF8.GetBytes(generator.Page(i))).ToArray();
Parallel.ForEach(warmUp, page => PageExtractor.FromHtml(page, "utf-8", new Uri("https://bench.example/"), 200_000));
warmUp = null;

long textChars = 0;
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
    Interlocked.Add(ref textChars, PageExtractor.FromHtml(pages[i], "utf-8",
        new Uri($"https://bench.example/post/{i}"), archive.MaxTextChars).Text.Length));
Report("extraction only", clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
Console.WriteLine($"  average text {textChars / count / 1024.0:0.0} K characters");

await using var server = new FixtureServer((path, _) => Answer(path));
var addresses = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
var checks = new LinkCheckOptions();
using var http = new HttpClient(new GuardedConnector(addresses, new DnsHostResolver())
    .CreateHandler(checks.ConnectTimeout));
var urls = new UrlPolicy(addresses, new HashSet<int> { server.Port });
// Politeness without its waits: the figure is the work, not the gap a real host is owed.
var politeness = new PolitenessOptions { MinDelayPerHost = TimeSpan.Zero, PerHost = 16, Overall = 32 };
var polite = new PoliteChecker(new LinkChecker(http, urls, checks, TimeProvider.System), politeness,
    TimeProvider.System);
var options = PortalDatabase.Configure(new DbContextOptionsBuilder<PortalDbContext>(), connection).Options;
var databases = new PooledDbContextFactory<PortalDbContext>((DbContextOptions<PortalDbContext>)options);
await using (var db = await databases.CreateDbContextAsync())
{
    await db.Database.MigrateAsync();
    await db.Database.ExecuteSqlRawAsync("TRUNCATE saved_copies, copy_refusals");
}
var copies = new CopyRuns(databases, new CopyFetcher(http, urls, polite, checks, archive), archive,
    TimeProvider.System);
cpu = Process.GetCurrentProcess().TotalProcessorTime;
clock.Restart();
var saved = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
    copies.SaveUrlAsync(new CopyTarget(server.Url($"/post/{i}"), $"https://bench.example/post/{i}", "bench.example"),
        CancellationToken.None)));
Report("fetched, extracted, stored", clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
Console.WriteLine($"  {saved.Count(s => s == CopySaveKind.New)} new copies");

await using (var db = await databases.CreateDbContextAsync())
{
    await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE saved_copies");
    var bytes = await db.Database.SqlQueryRaw<long>("SELECT pg_total_relation_size('saved_copies') AS \"Value\"")
        .SingleAsync();
    var text = await db.SavedCopies.SumAsync(c => (long)c.Text.Length);
    Console.WriteLine($"storage: {count} copies take {bytes / 1024.0 / 1024:0.0} MB in PostgreSQL " +
        $"(table, TOAST and indexes; {text / 1024.0 / 1024:0.0} M text characters before compression)");
}
Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");

void Report(string what, TimeSpan wall, TimeSpan cpuTime) =>
    // On a machine shared with other work the wall clock runs slower than the code: the CPU time says what two
    // free cores would do.
    Console.WriteLine($"{what}: {count / wall.TotalSeconds:0} pages/s by the wall clock " +
        $"({wall.TotalSeconds:0.00} s); " +
        $"{cpuTime.TotalSeconds:0.00} CPU-s, {count / cpuTime.TotalSeconds * 2:0} pages/s on two free cores");

object Answer(string path) => path.StartsWith("/post/", StringComparison.Ordinal)
    && int.TryParse(path["/post/".Length..], out var i) && i < count
    ? FixtureServer.Bytes("Content-Type: text/html; charset=utf-8\r\n", pages[i])
    : FixtureServer.Response(404, "Not Found");
