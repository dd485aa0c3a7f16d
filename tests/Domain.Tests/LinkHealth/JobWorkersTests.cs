using ContainerNetLib.Domain.LinkHealth.Runs;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

public class JobWorkersTests
{
    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 4)]
    [InlineData(3, 6)]
    [InlineData(8, 16)]
    public void Two_jobs_per_core_and_never_fewer_than_four(int processors, int workers)
    {
        // Otherwise: on a small server a nightly run waits on one slow host at a time and takes hours.
        Assert.Equal(workers, JobWorkers.For(processors));
    }

    [Fact]
    public void The_count_is_this_machines()
    {
        // Otherwise: link-run on the command line and the portal's job server check at different speeds.
        Assert.Equal(JobWorkers.For(Environment.ProcessorCount), JobWorkers.Count);
    }
}
