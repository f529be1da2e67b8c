namespace Graph.Web.Hosting;

/// <summary>
/// Keeps the server's resident memory under <see cref="GraphOptions.MemoryCeilingMB"/>: the garbage collector's
/// heap gets a hard limit below it (the rest is for the runtime, native SQLite and thread stacks), and heavy
/// requests are refused while the process is close to it, after a compacting collection has had its chance.
/// </summary>
public sealed class MemoryCeiling
{
    /// <summary>Share of the ceiling the managed heap may use; measured native and runtime overhead is 150-300 MB.</summary>
    public const double HeapShare = 0.7;

    /// <summary>Share of the ceiling above which no new heavy work is started.</summary>
    public const double RefuseShare = 0.8;

    private static readonly TimeSpan CollectionInterval = TimeSpan.FromSeconds(5);
    private readonly long _ceilingBytes;
    private long _lastCollection;

    public MemoryCeiling(long ceilingMB) => _ceilingBytes = Math.Max(0, ceilingMB) * 1024 * 1024;

    public long CeilingBytes => _ceilingBytes;

    /// <summary>
    /// Gives the garbage collector its hard heap limit, unless the ceiling is off or the environment set one
    /// (DOTNET_GCHeapHardLimit). <c>GC.RefreshMemoryLimit</c> makes the setting take effect in a running process,
    /// so the ceiling can come from the server's ordinary configuration.
    /// </summary>
    public string Apply()
    {
        if (_ceilingBytes == 0) return "no memory ceiling";
        if (AppContext.GetData("GCHeapHardLimit") is not null || Environment.GetEnvironmentVariable("DOTNET_GCHeapHardLimit") is not null)
            return "memory ceiling " + _ceilingBytes / (1024 * 1024) + " MiB; heap limit from the environment";
        var heapLimit = (ulong)(_ceilingBytes * HeapShare);
        AppContext.SetData("GCHeapHardLimit", heapLimit);
        try
        {
            GC.RefreshMemoryLimit();
        }
        catch (InvalidOperationException e)
        {
            // The heap is already larger than the limit asked for: keep running without it, and say so.
            return "memory ceiling " + _ceilingBytes / (1024 * 1024) + " MiB; heap limit not applied: " + e.Message;
        }
        return $"memory ceiling {_ceilingBytes / (1024 * 1024)} MiB, managed heap limit {heapLimit / (1024 * 1024)} MiB";
    }

    /// <summary>
    /// Whether the managed heap has room for <paramref name="bytes"/> more under its limit, after at most one compacting
    /// collection per interval. The resident set (<see cref="IsNear"/>) can be well under the ceiling while the heap, full of
    /// what the store keeps, has no room left for a large upload's peak: that upload then ended in an OutOfMemoryException.
    /// </summary>
    public bool HasRoomFor(long bytes)
    {
        if (_ceilingBytes == 0) return true;
        var limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (GC.GetTotalMemory(forceFullCollection: false) + bytes <= limit) return true;
        return CollectIfDue() && GC.GetTotalMemory(forceFullCollection: false) + bytes <= limit;
    }

    /// <summary>Whether the process is too close to the ceiling to start heavy work, after at most one compacting collection per interval.</summary>
    public bool IsNear()
    {
        if (_ceilingBytes == 0) return false;
        var threshold = (long)(_ceilingBytes * RefuseShare);
        if (Environment.WorkingSet < threshold) return false;
        // Finished queries leave garbage the collector has not yet returned to the system; give it back first.
        return !CollectIfDue() || Environment.WorkingSet >= threshold;
    }

    /// <summary>
    /// A compacting collection of the whole heap, unless one ran less than <see cref="CollectionInterval"/> ago (or another
    /// thread is starting one): whether it ran. Both tests of room share it, so that a busy server collects at most once an interval.
    /// </summary>
    private bool CollectIfDue()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastCollection);
        if (now - last < CollectionInterval.TotalMilliseconds || Interlocked.CompareExchange(ref _lastCollection, now, last) != last) return false;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return true;
    }
}
