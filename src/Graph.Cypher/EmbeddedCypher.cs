using Graph.Cypher.Durability;
using Graph.Cypher.Execution;
using Graph.Cypher.Storage;
using Graph.Store.Embedded;
using Graph.Store.Memory;

namespace Graph.Cypher;

/// <summary>
/// Cypher on the embedded store, durably: a write that changes something is saved in the store's data directory
/// before its lock is let go (statement, parameters, clock and random seed), and every saved write is made again,
/// in order, after the documents when the store opens. A write that cannot be saved is undone and reported.
/// The nodes a write creates or changes are indexed for search at once.
/// </summary>
/// <remarks>
/// Saving the statement rather than its effects keeps the saved form small and readable, and lets a write that
/// names a document by its id follow that document when it is ingested again. What a statement reads is made
/// to repeat (the statement clock and rand()'s seed are saved with it); a write that chooses by internal id,
/// which does not repeat, is refused, and so is deleting what the stored documents state (the next ingest of the
/// document needs it). <c>*.realtime()</c> functions read the clock of the replay.
/// </remarks>
public static class EmbeddedCypher
{
    /// <summary>Each saved write is made again under this guard: it ran once within the server's, so only a runaway stops it.</summary>
    private static readonly CypherOptions ReplayOptions = new() { Timeout = TimeSpan.FromMinutes(10), MaxRows = int.MaxValue };

    /// <summary>Opens the embedded store in <paramref name="directory"/> with its saved Cypher writes made again.</summary>
    /// <exception cref="InvalidDataException">The directory holds a store this program cannot read.</exception>
    public static EmbeddedGraphStore OpenStore(string? directory = null) => EmbeddedGraphStore.Open(directory, Replay, RestoreDefinitions);

    /// <summary>An engine over the store's graph whose writes (when <paramref name="options"/> allows them) are saved in the store.</summary>
    public static CypherEngine Engine(EmbeddedGraphStore store, CypherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new CypherEngine(new MemoryGraphAccess(store.Graph, store.Statements), options)
        {
            SaveWrites = (statement, parameters, clock) =>
                store.SaveWrite(new WriteToSave(statement, SavedParameters.Encode(parameters), clock.StartedAt, clock.Seed)),
            SaveWriteBatch = writes => store.SaveWrites(writes
                .Select(w => new WriteToSave(w.Statement, SavedParameters.Encode(w.Parameters), w.Clock.StartedAt, w.Clock.Seed)).ToList()),
            NodesChanged = store.IndexChangedNodes,
        };
    }

    /// <summary>
    /// For a store opened from its snapshot: a saved schema command (CREATE/DROP INDEX or CONSTRAINT) is made again,
    /// since the snapshot holds the graph but not the index and constraint definitions kept beside it; any other
    /// saved write is already in the snapshot and is left alone.
    /// </summary>
    private static void RestoreDefinitions(MemoryGraph graph, SavedWrite write, DocumentStatements stated)
    {
        var query = Syntax.Parser.Parse(write.Statement);
        if (query.Parts is [{ Clauses: [Syntax.SchemaCommand] }]) Replay(graph, write, stated);
    }

    /// <summary>Makes one saved write again, with the clock and seed it first ran with; throws when it cannot run.</summary>
    private static void Replay(MemoryGraph graph, SavedWrite write, DocumentStatements stated)
    {
        var parameters = SavedParameters.Decode(write.Parameters);
        QueryRunner.Run(new MemoryGraphAccess(graph, stated), ReplayOptions, write.Statement, parameters,
            new Dictionary<string, CypherProcedure>(), CancellationToken.None, save: null,
            clock: new StatementClock(write.StatementTime, write.Seed));
    }
}
