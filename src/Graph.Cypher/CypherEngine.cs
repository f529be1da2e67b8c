using Graph.Cypher.Durability;
using Graph.Cypher.Execution;
using Graph.Cypher.Storage;

namespace Graph.Cypher;

/// <summary>
/// Runs Cypher queries on a graph held in memory. Over the store's <see cref="Graph.Store.Memory.MemoryGraph"/>,
/// readers run concurrently and a writing query holds the graph's write lock for its whole run, so a reader
/// never sees half of a write; over the engine's own scratch graph, queries run one at a time.
/// </summary>
public sealed class CypherEngine
{
    private readonly IGraphAccess graph;
    private readonly CypherOptions options;
    private readonly Lock? gate;
    private readonly Dictionary<string, CypherProcedure> procedures = new(StringComparer.Ordinal);

    /// <summary>Where writes are saved when the graph is a durable store's (see <see cref="EmbeddedCypher"/>).</summary>
    internal SaveWrite? SaveWrites { get; init; }

    /// <summary>Saves the writes of an explicit transaction at its commit, all or none (see <see cref="EmbeddedCypher"/>).</summary>
    internal Action<IReadOnlyList<(string Statement, IReadOnlyDictionary<string, object?> Parameters, Execution.StatementClock Clock)>>? SaveWriteBatch { get; init; }

    /// <summary>Hears which nodes a write created or changed, under the write lock (see <see cref="EmbeddedCypher"/>).</summary>
    internal Action<IReadOnlyCollection<long>>? NodesChanged { get; init; }

    /// <summary>An engine over its own empty scratch graph (useful for tests and conformance runs).</summary>
    public CypherEngine(CypherOptions? options = null)
        : this(new InMemoryGraphAccess(), options)
    {
        gate = new Lock();
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
        foreach (var procedure in BuiltInProcedures.For(graph).Concat(SchemaProcedures.For(graph)))
        {
            procedures[procedure.Name] = procedure;
        }
    }

    internal IGraphAccess Graph => graph;

    /// <summary>The options every query of this engine runs under unless a call gives its own.</summary>
    public CypherOptions Options => options;

    /// <summary>Makes <paramref name="procedure"/> callable by name (replacing one of the same name).</summary>
    public void RegisterProcedure(CypherProcedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        lock (procedures)
        {
            procedures[procedure.Name] = procedure;
        }
    }

    /// <summary>
    /// Opens an explicit transaction on this engine's graph (read-only when <paramref name="readOnly"/> or the
    /// engine is). The caller keeps other writers off the graph until it ends (see <see cref="CypherTransaction"/>).
    /// </summary>
    public CypherTransaction BeginTransaction(bool readOnly = false) =>
        new(this, graph, readOnly || options.ReadOnly);

    internal IReadOnlyDictionary<string, CypherProcedure> ProcedureSnapshot() => Procedures();

    private IReadOnlyDictionary<string, CypherProcedure> Procedures()
    {
        lock (procedures)
        {
            return new Dictionary<string, CypherProcedure>(procedures, StringComparer.Ordinal);
        }
    }

    /// <summary>Parses, checks and runs <paramref name="query"/>; throws <see cref="CypherException"/> on any query error.</summary>
    public CypherResult Execute(string query, IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default) =>
        Execute(query, parameters, options, cancellationToken);

    /// <summary>
    /// Runs <paramref name="query"/> under <paramref name="queryOptions"/> instead of the engine's (for example a
    /// request's own timeout, or read-only for a request that asked for read access).
    /// </summary>
    public CypherResult Execute(string query, IReadOnlyDictionary<string, object?>? parameters, CypherOptions queryOptions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(queryOptions);
        var values = parameters ?? new Dictionary<string, object?>();
        if (gate is null)
        {
            return QueryRunner.Run(graph, queryOptions, query, values, Procedures(), cancellationToken, SaveWrites, nodesChanged: NodesChanged);
        }

        lock (gate)
        {
            return QueryRunner.Run(graph, queryOptions, query, values, Procedures(), cancellationToken);
        }
    }
}
