namespace Graph.Web.Hosting;

/// <summary>
/// Lets a write go ahead of long reads. The graph's lock lets a writer in only once every reader has left, so a
/// 30-second anonymous read used to hold a token holder's write for as long. Reads that can be repeated (read-only
/// Cypher) register here; a write that starts cancels them, and they start again once no write is pending, from
/// the state the write left (their deadline is not reset). A read is put back at most <see cref="MaxPreemptions"/>
/// times, so a stream of writes cannot starve it; after that it runs to the end, and a write may wait for it.
/// </summary>
public sealed class WriterPriority
{
    public const int MaxPreemptions = 3;

    private readonly Lock _lock = new();
    private readonly HashSet<CancellationTokenSource> _reads = [];
    private int _writers;
    private TaskCompletionSource _noWriters = Completed();

    /// <summary>Runs a repeatable read, putting it back while a write goes first; <paramref name="read"/> gets the token to stop on.</summary>
    public async Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var preemptible = attempt < MaxPreemptions;
            using var preempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await EnterReadAsync(preemptible ? preempt : null, cancellationToken);
            try
            {
                return await read(preempt.Token);
            }
            catch (OperationCanceledException) when (preemptible && preempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // A write went first: start again once it is done.
            }
            finally
            {
                lock (_lock) _reads.Remove(preempt);
            }
        }
    }

    /// <summary>Holds writers' priority until disposed: running reads are put back, new ones wait.</summary>
    public IDisposable EnterWrite()
    {
        lock (_lock)
        {
            if (_writers++ == 0) _noWriters = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            foreach (var read in _reads) read.Cancel();
            _reads.Clear();
        }
        return new WriteScope(this);
    }

    private async Task EnterReadAsync(CancellationTokenSource? preempt, CancellationToken cancellationToken)
    {
        // Bounded: each pass waits for the writers of that moment; a new write can only delay, not loop, a read.
        while (true)
        {
            Task noWriters;
            lock (_lock)
            {
                if (_writers == 0)
                {
                    if (preempt is not null) _reads.Add(preempt);
                    return;
                }
                noWriters = _noWriters.Task;
            }
            await noWriters.WaitAsync(cancellationToken);
        }
    }

    private void ExitWrite()
    {
        lock (_lock)
        {
            if (--_writers == 0) _noWriters.TrySetResult();
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    private sealed class WriteScope(WriterPriority owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.ExitWrite();
        }
    }
}
