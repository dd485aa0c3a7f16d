namespace ContainerNetLib.Portal.Tests;

/// <summary>Work started together, as twenty people pressing the same button in the same second: each one waits at a
/// gate until all are ready, then all go.</summary>
public static class AtOnce
{
    public static async Task<T[]> RunAsync<T>(IEnumerable<Func<Task<T>>> work)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = work.Select(async each =>
        {
            await start.Task;
            return await each();
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(running);
    }
}
