using Graph.Cypher.Execution;
using Graph.Cypher.Storage;

namespace Graph.Cypher;

/// <summary>
/// Runs Cypher queries on a graph held in memory. One engine per graph; queries are serialised by the
/// engine so that a reader never sees half of a write.
/// </summary>
public sealed class CypherEngine
{
    private readonly IGraphAccess graph;
    private readonly CypherOptions options;
    private readonly Lock gate = new();

    /// <summary>An engine over its own empty scratch graph (useful for tests and conformance runs).</summary>
    public CypherEngine(CypherOptions? options = null)
        : this(new InMemoryGraphAccess(), options)
    {
    }

    /// <summary>An engine over the store's in-memory graph; each query holds the graph's read (or write) lock while it runs.</summary>
    public CypherEngine(Graph.Store.Memory.MemoryGraph graph, CypherOptions? options = null)
        : this(new MemoryGraphAccess(graph ?? throw new ArgumentNullException(nameof(graph))), options)
    {
    }

    internal CypherEngine(IGraphAccess graph, CypherOptions? options)
    {
        this.graph = graph;
        this.options = options ?? CypherOptions.Default;
    }

    internal IGraphAccess Graph => graph;

    /// <summary>Parses, checks and runs <paramref name="query"/>; throws <see cref="CypherException"/> on any query error.</summary>
    public CypherResult Execute(string query, IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (graph is MemoryGraphAccess)
        {
            // The store's graph has its own reader-writer lock, which the runner takes: reads run side by side,
            // so one slow query does not make every other query wait for it.
            return QueryRunner.Run(graph, options, query, parameters ?? new Dictionary<string, object?>(), cancellationToken);
        }

        lock (gate)
        {
            return QueryRunner.Run(graph, options, query, parameters ?? new Dictionary<string, object?>(), cancellationToken);
        }
    }
}
