using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Portal.Features.Search;
using ContainerNetLib.Portal.Infrastructure.Caching;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Polly;
using Polly.Registry;

namespace ContainerNetLib.Portal.Tests.Operations;

/// <summary>
/// The background services' retries (named Polly pipelines) wait on the host's TimeProvider: here a clock whose
/// timers fire at once and note what they were asked to wait.
/// </summary>
public class RetryPipelineTests
{
    [Fact]
    public async Task The_job_server_start_waits_1_s_doubling_to_10_s_on_the_hosts_clock()
    {
        // Otherwise: with PostgreSQL down the job server hammers it, or waits minutes after it is back, and tests
        // of the wait would take real seconds.
        var (waits, attempts) = await RetryAsync(JobServer.AddStartPipeline, JobServer.StartPipeline, failures: 6,
            () => new NpgsqlException("the database system is starting up"));
        Assert.Equal([1, 2, 4, 8, 10, 10], waits);
        Assert.Equal(7, attempts);
    }

    [Fact]
    public async Task The_content_listener_reconnects_1_s_doubling_to_4_s_and_only_after_a_lost_connection()
    {
        // Otherwise: cached pages outlive a change made while the database restarted by more than a few seconds,
        // or a bug in the listener is retried for ever instead of showing.
        var (waits, _) = await RetryAsync(ContentRevisionListener.AddReconnectPipeline,
            ContentRevisionListener.ReconnectPipeline, failures: 4, () => new NpgsqlException("connection refused"));
        Assert.Equal([1, 2, 4, 4], waits);

        await Assert.ThrowsAsync<ArgumentException>(() => RetryAsync(ContentRevisionListener.AddReconnectPipeline,
            ContentRevisionListener.ReconnectPipeline, failures: 1, () => new ArgumentException("a bug")));
    }

    [Fact]
    public async Task A_failed_vocabulary_rebuild_is_tried_again_every_10_s()
    {
        // Otherwise: after a database restart, typo corrections miss the words of every edit since.
        var (waits, _) = await RetryAsync(SearchVocabulary.AddRebuildPipeline, SearchVocabulary.RebuildPipeline,
            failures: 3, () => new NpgsqlException("terminating connection due to administrator command"));
        Assert.Equal([10, 10, 10], waits);
    }

    private static async Task<(List<double> Waits, int Attempts)> RetryAsync(
        Func<IServiceCollection, IServiceCollection> add, string pipeline, int failures, Func<Exception> failure)
    {
        var clock = new InstantTimers();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        add(services);
        await using var provider = services.BuildServiceProvider();
        var attempts = 0;
        await provider.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(pipeline)
            .ExecuteAsync(_ => ++attempts <= failures ? ValueTask.FromException(failure()) : ValueTask.CompletedTask,
                TestContext.Current.CancellationToken);
        return (clock.Waits.Select(w => w.TotalSeconds).ToList(), attempts);
    }

    /// <summary>Timers that fire at once, noting the wait they were given.</summary>
    private sealed class InstantTimers : TimeProvider
    {
        public List<TimeSpan> Waits { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Waits) Waits.Add(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new NoTimer();
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;
            public void Dispose() { }
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
