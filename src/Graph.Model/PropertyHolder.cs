namespace Graph.Model;

/// <summary>
/// What holds a <see cref="SortedPropertyMap"/>'s names and values: a node or a relationship keeps them in its own
/// fields, and its <c>Properties</c> is a view of them. The extractor states hundreds of thousands of facts in a long
/// text (a citation every 80 characters of a dense one), and a map as an object of its own beside each was 48 bytes
/// and a reference more per fact, about a tenth of the graph kept.
/// </summary>
/// <remarks>Only <see cref="SortedPropertyMap"/> reads or writes these fields; see it for what they hold.</remarks>
public abstract class PropertyHolder
{
    private protected PropertyHolder()
    {
    }

    internal string[] HeldNames = [];
    internal object?[] HeldValues = [];
    internal int HeldVersion;
    internal int HeldSpanStart;
    internal int HeldSpanEnd;
}
