namespace Graph.Model;

/// <summary>
/// What holds a <see cref="SortedPropertyMap"/>'s names and values: a node or a relationship keeps them in its own
/// fields, and its <c>Properties</c> is a view of them. The extractor states hundreds of thousands of facts in a long
/// text (a citation every 80 characters of a dense one), and a map as an object of its own beside each was 48 bytes
/// and a reference more per fact, about a tenth of the graph kept.
/// </summary>
/// <remarks>
/// The provenance every extracted fact carries (<see cref="PropertyNames.Source"/>, and the span set by
/// <see cref="SortedPropertyMap.SetSpan"/>) is held in fields of its own rather than in the arrays: three slots of
/// every fact's array, and the whole array of a fact that states nothing else (a mention, a footnote's link). Only
/// <see cref="SortedPropertyMap"/> reads or writes these fields, and its readers see them as any other property.
/// </remarks>
public abstract class PropertyHolder
{
    /// <summary>What <see cref="HeldSource"/> holds when the map has no source (a null source is a source).</summary>
    internal static readonly object NoSource = new();

    /// <summary>What <see cref="HeldSpanStart"/> holds when the span is not held here (offsets are never negative).</summary>
    internal const int NoSpan = -1;

    private protected PropertyHolder()
    {
    }

    // What a builder of millions of facts reads and writes without making the view Properties is, an object each time.

    /// <summary>Whether there is a property <paramref name="key"/>; as <c>Properties.ContainsKey</c>.</summary>
    public bool HasProperty(string key) => SortedPropertyMap.Contains(this, key);

    /// <summary>The property's value as <c>Properties.TryGetValue</c> reads it.</summary>
    public bool TryGetProperty(string key, out object? value) => SortedPropertyMap.TryGetValue(this, key, out value);

    /// <summary>Sets a property; as <c>Properties[key] = value</c>.</summary>
    public void SetProperty(string key, object? value) => SortedPropertyMap.Set(this, key, value);

    /// <summary>Sets <see cref="PropertyNames.SpanStart"/> and <see cref="PropertyNames.SpanEnd"/>; as <c>Properties.SetSpan</c> with those names.</summary>
    public void SetSpanProperties(SourceSpan span) => SortedPropertyMap.SetSpanOf(this, PropertyNames.SpanStart, PropertyNames.SpanEnd, span);

    /// <summary>Makes room for <paramref name="capacity"/> properties; as <c>Properties.EnsureCapacity</c>.</summary>
    public void EnsurePropertyCapacity(int capacity) => SortedPropertyMap.EnsureCapacityOf(this, capacity);

    // The names other than the held ones, sorted and shared (see PropertyShapes), and their values.
    internal string[] HeldNames = [];
    internal object?[] HeldValues = [];
    internal int HeldVersion;
    internal object? HeldSource = NoSource;
    internal int HeldSpanStart = NoSpan;
    internal int HeldSpanEnd;
}
