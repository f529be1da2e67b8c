namespace Graph.Model;

/// <summary>
/// A string property value kept as the recipe that makes it (usually offsets into the document's text, which the
/// document keeps anyway) until someone reads it. A long text's citations each carry the clause around them: as strings,
/// those clauses held several times the text itself in memory. A <see cref="SortedPropertyMap"/> hands out the string
/// (<see cref="ToString"/>), made afresh on each read and not kept, so readers only ever see strings.
/// </summary>
public abstract class DeferredText
{
    /// <summary>The string the property holds; the same text on every call.</summary>
    public abstract override string ToString();
}
