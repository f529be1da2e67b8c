using System.Threading.RateLimiting;

namespace Graph.Web.Security;

/// <summary>
/// Uploads are read, extracted and stored one at a time, and at most <see cref="QueueLimit"/> wait (503 beyond). One upload
/// at the 32 MiB cap may take the server's heap to about 1.5 GB at its peak (a text of one 31 MB paragraph: the text, the
/// paragraph's words, the store's write of it); two at once passed the memory ceiling. A waiting upload has not been read
/// yet: its body stays with the client until its turn, so the queue holds no files in memory.
/// </summary>
public sealed class UploadAdmission : IDisposable
{
    /// <summary>Uploads that may wait for the one running; a researcher's client sends them one after another.</summary>
    public const int QueueLimit = 8;

    /// <summary>What a refused client is told to wait: a large upload takes a few seconds.</summary>
    public const int RetryAfterSeconds = 5;

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = 1,
        QueueLimit = QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>Waits for the upload's turn; the lease is not acquired when the queue is full.</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
