using System.Diagnostics;

namespace ContainerNetLib.Tests.Shared;

/// <summary>
/// Waits for what happens moments after an action (a database notification, a background job, a
/// restart), and fails the test, saying what never happened, when the deadline passes.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Reads until <paramref name="done"/> holds and returns that value; fails with <paramref name="failure"/> of the last value.</summary>
    public static async Task<T> ReadAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, Func<T, string> failure, TimeSpan? within = null, int everyMs = 100)
    {
        var deadline = within ?? DefaultDeadline;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (clock.Elapsed > deadline) Assert.Fail($"{failure(value)} (waited {deadline.TotalSeconds:0.#} s)");
            await Task.Delay(everyMs);
        }
    }

    public static Task<T> ReadAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, string failure, TimeSpan? within = null, int everyMs = 100) =>
        ReadAsync(read, done, _ => failure, within, everyMs);

    /// <summary>Asks until <paramref name="condition"/> is true; fails with <paramref name="failure"/>.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string failure, TimeSpan? within = null, int everyMs = 100) =>
        ReadAsync(condition, ok => ok, failure, within, everyMs);

    public static Task TrueAsync(Func<bool> condition, string failure, TimeSpan? within = null, int everyMs = 100) =>
        TrueAsync(() => Task.FromResult(condition()), failure, within, everyMs);
}
