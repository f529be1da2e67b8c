using System.Diagnostics.Tracing;

namespace Graph.Cli.Bench;

/// <summary>
/// Counts the runtime's full (generation 2) collections while it listens, and of those the ones a large-object
/// allocation started: the collector starts one whenever the large objects allocated since the last exceed their
/// budget, and on a long text those collections walk all the graph built so far. Read from the runtime's own GC
/// events (GCStart, reason AllocLarge), as dotnet-trace shows them.
/// </summary>
internal sealed class FullCollectionCounter : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const uint AllocLarge = 4;

    private int _full;
    private int _byLargeObjects;

    public int Full => Volatile.Read(ref _full);

    public int ByLargeObjects => Volatile.Read(ref _byLargeObjects);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == RuntimeSource) EnableEvents(source, EventLevel.Informational, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCStart", StringComparison.Ordinal) || e.Payload is null || e.PayloadNames is null) return;
        var depth = e.PayloadNames.IndexOf("Depth");
        var reason = e.PayloadNames.IndexOf("Reason");
        if (depth < 0 || reason < 0 || Convert.ToUInt32(e.Payload[depth], System.Globalization.CultureInfo.InvariantCulture) != 2) return;
        Interlocked.Increment(ref _full);
        if (Convert.ToUInt32(e.Payload[reason], System.Globalization.CultureInfo.InvariantCulture) == AllocLarge) Interlocked.Increment(ref _byLargeObjects);
    }
}
