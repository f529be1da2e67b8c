namespace Graph.Web.Hosting;

/// <summary>
/// Runs long synchronous work (a Cypher query, an export's writer) on a thread of its own rather than the
/// thread pool: a few such requests would otherwise hold every pool thread of a small machine, and the cheap
/// endpoints and /health would wait for the pool to grow. The number of these threads is bounded by the
/// heavy-request limiter. Every exception reaches the caller: none may escape the thread and end the process.
/// </summary>
internal static class DedicatedThread
{
    /// <summary>A generous stack, so that the engine's own depth limits are what stop deep queries.</summary>
    public const int StackBytes = 16 * 1024 * 1024;

    public static Task<T> Run<T>(string name, Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.TrySetResult(work());
            }
            catch (OperationCanceledException e)
            {
                done.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }, StackBytes)
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    public static Task Run(string name, Action work) => Run(name, () =>
    {
        work();
        return true;
    });
}
