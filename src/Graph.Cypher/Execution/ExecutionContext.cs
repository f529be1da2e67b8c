using Graph.Cypher.Storage;

namespace Graph.Cypher.Execution;

/// <summary>
/// What a query reads that is not in the graph: the instant it started and the seed of its random numbers.
/// A saved write is made again with the values it first ran with, so that it writes the same things.
/// </summary>
internal sealed record StatementClock(DateTime StartedAt, int Seed);

/// <summary>State of one running query: the graph, parameters, guard and change counters.</summary>
internal sealed class ExecutionContext(
    IGraphAccess graph, CypherOptions options, IReadOnlyDictionary<string, object?> parameters, string text,
    CancellationToken cancellationToken, StatementClock? statementClock = null)
{
    private Random? random;

    /// <summary>The time and memory the query may use.</summary>
    public QueryBudget Budget { get; } = new(options, cancellationToken);

    public IGraphAccess Graph { get; } = graph;

    public CypherOptions Options { get; } = options;

    public IReadOnlyDictionary<string, object?> Parameters { get; } = parameters;

    public string Text { get; } = text;

    /// <summary>The statement clock: every date()/datetime() without arguments and timestamp() in this query read it.</summary>
    public DateTime StartedAt { get; } = statementClock?.StartedAt ?? DateTime.UtcNow;

    /// <summary>The seed of <see cref="Random"/>, kept so that a saved write gives rand() the same values again.</summary>
    public int Seed { get; } = statementClock?.Seed ?? System.Random.Shared.Next();

    /// <summary>The random numbers of rand() in this query.</summary>
    public Random Random => random ??= new Random(Seed);

    public long NodesCreated;
    public long NodesDeleted;
    public long RelationshipsCreated;
    public long RelationshipsDeleted;
    public long PropertiesSet;
    public long LabelsAdded;
    public long LabelsRemoved;

    /// <summary>Labels and properties of entities deleted by this query, so that they can still be returned.</summary>
    public Dictionary<long, (IReadOnlyList<string> Labels, Dictionary<string, object?> Properties)> DeletedNodes { get; } = [];

    public Dictionary<long, ((long Start, long End, string Type) Ends, Dictionary<string, object?> Properties)> DeletedRelationships { get; } = [];

    /// <summary>What is left of the query's time limit (zero or less once it is exceeded).</summary>
    public TimeSpan Remaining => Budget.Remaining;

    /// <summary>Called in every loop that may run long: enforces the timeout and cancellation.</summary>
    public void Tick() => Budget.Tick();

    public CypherCounters Counters() => new()
    {
        NodesCreated = NodesCreated,
        NodesDeleted = NodesDeleted,
        RelationshipsCreated = RelationshipsCreated,
        RelationshipsDeleted = RelationshipsDeleted,
        PropertiesSet = PropertiesSet,
        LabelsAdded = LabelsAdded,
        LabelsRemoved = LabelsRemoved,
    };

    /// <summary>Sets the counters back to what <see cref="Counters"/> gave, when the changes since then were taken back.</summary>
    public void RestoreCounters(CypherCounters counters)
    {
        NodesCreated = counters.NodesCreated;
        NodesDeleted = counters.NodesDeleted;
        RelationshipsCreated = counters.RelationshipsCreated;
        RelationshipsDeleted = counters.RelationshipsDeleted;
        PropertiesSet = counters.PropertiesSet;
        LabelsAdded = counters.LabelsAdded;
        LabelsRemoved = counters.LabelsRemoved;
    }

    public CypherException RuntimeError(string type, string detail, string message, int? offset = null) =>
        new(type, detail, message, offset is { } o ? Syntax.Positions.Of(Text, o) : null, CypherErrorPhase.Runtime);
}
