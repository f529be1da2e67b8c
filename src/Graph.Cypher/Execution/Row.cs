namespace Graph.Cypher.Execution;

/// <summary>One binding of variables to values.</summary>
internal sealed class Row : Dictionary<string, object?>
{
    public Row()
        : base(StringComparer.Ordinal)
    {
    }

    public Row(IDictionary<string, object?> other)
        : base(other, StringComparer.Ordinal)
    {
    }
}
