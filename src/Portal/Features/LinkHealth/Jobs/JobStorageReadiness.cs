namespace ContainerNetLib.Portal.Features.LinkHealth.Jobs;

/// <summary>Set once Hangfire's schema is in place; enqueuing waits for it (bounded) instead of failing.</summary>
public sealed class JobStorageReadiness
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void MarkReady() => _ready.TrySetResult();

    public async Task WaitAsync(CancellationToken ct)
    {
        try
        {
            await _ready.Task.WaitAsync(MaxWait, ct);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException("The job storage is not ready: PostgreSQL has not answered since the " +
                "portal started.");
        }
    }
}
