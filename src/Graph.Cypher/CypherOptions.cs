namespace Graph.Cypher;

/// <summary>The guard every query runs under, and whether it may write.</summary>
public sealed record CypherOptions
{
    /// <summary>Wall-clock limit of one query; exceeding it raises a <see cref="CypherException"/>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most rows a query may return; more raises a <see cref="CypherException"/> (detail RowLimit).</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>
    /// Memory one query may hold, in bytes, counted as values are built and rows are buffered (an estimate, not the
    /// heap); exceeding it raises a <see cref="CypherException"/> (Neo.TransientError.General.MemoryPoolOutOfMemoryError).
    /// </summary>
    public long MaxMemoryBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>When true, a query that would create, change or delete anything is refused before it runs.</summary>
    public bool ReadOnly { get; init; }

    public static CypherOptions Default { get; } = new();
}
