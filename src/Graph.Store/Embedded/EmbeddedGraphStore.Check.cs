using Graph.Store.Memory;
using Graph.Store.Services;
using Graph.Store.Snapshot;

namespace Graph.Store.Embedded;

public sealed partial class EmbeddedGraphStore
{
    /// <summary>
    /// Verifies the store end to end and returns the problems found (none for a sound store): SQLite's
    /// own integrity check; every document row's facts read back, match its fingerprint and its recorded
    /// counts; and the in-memory graph and its indexes equal what the stored documents add up to, merged
    /// again from scratch into a second graph, with the saved query writes made again on it.
    /// </summary>
    public async ValueTask<IReadOnlyList<string>> CheckAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var problems = new List<string>(LoadProblems);
            var integrity = _database.QueryStrings("PRAGMA integrity_check");
            if (integrity is not ["ok"]) problems.AddRange(integrity.Select(line => $"SQLite integrity: {line}"));

            using var expected = new MemoryGraph();
            var projection = new GraphProjection(expected, _database.TryReadFacts);
            var documents = 0L;
            using (expected.EnterWrite())
            {
                foreach (var row in _database.ReadRowsForCheck())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    documents++;
                    DocumentFacts facts;
                    try
                    {
                        facts = DocumentFacts.Decode(row.Id, row.Facts);
                        if (!DocumentFacts.HashOfStored(row.Id, row.Text, row.Facts, row.Diagnostics).AsSpan().SequenceEqual(row.Hash))
                            problems.Add($"Document {row.Id} does not match its fingerprint: its text, facts or diagnostics changed after it was stored.");
                    }
                    catch (FormatException error)
                    {
                        if (!LoadProblems.Any(p => p.StartsWith($"Document {row.Id}:", StringComparison.Ordinal)))
                            problems.Add($"Document {row.Id}: its stored facts cannot be read ({error.Message}).");
                        continue;
                    }
                    if (facts.Nodes.Count != row.Nodes || facts.Relationships.Count != row.Relationships)
                        problems.Add($"Document {row.Id} records {row.Nodes} nodes and {row.Relationships} relationships but its facts hold {facts.Nodes.Count} and {facts.Relationships.Count}.");
                    try
                    {
                        projection.Apply(row.Id, null, facts);
                    }
                    catch (InvalidOperationException error)
                    {
                        problems.Add($"Document {row.Id}: its facts do not fit the graph ({error.Message}).");
                    }
                }
            }
            ReplaySavedWrites(expected, projection.Statements, problems: []);
            if (documents != Interlocked.Read(ref _documentCount) + LoadProblems.Count(p => p.StartsWith("Document ", StringComparison.Ordinal)))
                problems.Add($"The database holds {documents} documents but memory counts {Interlocked.Read(ref _documentCount)}.");
            CheckMemory(problems, projection, cancellationToken);
            CheckSnapshot(problems, projection, cancellationToken);
            return problems;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Compares the live graph with <paramref name="expected"/>, the stored documents merged afresh.</summary>
    private void CheckMemory(List<string> problems, GraphProjection expected, CancellationToken cancellationToken)
    {
        problems.AddRange(Graph.CheckIntegrity().Select(problem => $"In memory: {problem}"));
        Compare(problems, Graph, expected, "Memory", cancellationToken);
    }

    /// <summary>
    /// Checks the snapshot file: whole, written for the documents and saved writes the store holds (unless memory
    /// changed since, which the store writes again when it closes), and, read into a graph of its own with the saved
    /// writes made after it, equal to the stored documents merged afresh.
    /// </summary>
    private void CheckSnapshot(List<string> problems, GraphProjection expected, CancellationToken cancellationToken)
    {
        using var graph = new MemoryGraph();
        var projection = new GraphProjection(graph, _database.TryReadFacts);
        var writes = _database.ReadSavedWrites();
        long included = 0;
        SnapshotRead read;
        try
        {
            read = GraphSnapshotFile.TryRead(Directory, Task.FromResult(StateDigest(_database.ReadFingerprints())), reader =>
            {
                included = reader.ReadInt64();
                if (!reader.ReadBytes(32).AsSpan().SequenceEqual(SavedWritesDigest(writes, included)))
                    throw new StaleSnapshotException("the saved writes it holds are no longer those of the store");
                if (included > 0 && _replayWrites is null)
                    throw new StaleSnapshotException("it holds saved query writes, and this open has no query engine to make them");
                reader.ReadStrings();
                reader.ReadStrings();
                using (graph.EnterWrite())
                {
                    projection.ReadSnapshot(reader);
                    graph.ReadSnapshot(reader);
                }
                // Decoded now, which an open leaves to the first write, so that the check reads all of it.
                projection.Load();
                using var search = new SearchIndex();
                search.ReadSnapshot(reader);
            });
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or IOException or StaleSnapshotException
            or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            read = error is StaleSnapshotException ? SnapshotRead.Stale(error.Message) : SnapshotRead.Damaged(error.Message);
        }
        var file = Path.Combine(Directory, GraphSnapshotFile.FileName);
        if (!read.IsLoaded)
        {
            // Changed since it was written: the store writes it again when it closes; otherwise it should match.
            if (read.IsStale && _snapshotDirty) return;
            problems.Add(read == SnapshotRead.Missing
                ? $"There is no snapshot file ({file}){(SnapshotProblem is null ? "" : ": " + SnapshotProblem)}; the next open replays the documents."
                : $"The snapshot file {file} cannot be used ({read.Reason}); the next open replays the documents and writes it again.");
            return;
        }
        ReplaySavedWrites(graph, projection.Statements, problems: [], [.. writes.Where(w => w.Sequence > included)]);
        problems.AddRange(graph.CheckIntegrity().Select(problem => $"In the snapshot: {problem}"));
        Compare(problems, graph, expected, "The snapshot", cancellationToken);
    }

    /// <summary>Compares <paramref name="graph"/> (memory, or the snapshot read back) with <paramref name="expected"/>, the stored documents merged afresh.</summary>
    private static void Compare(List<string> problems, MemoryGraph graph, GraphProjection expected, string where, CancellationToken cancellationToken)
    {
        using var _ = graph.EnterRead();
        using var __ = expected.Graph.EnterRead();
        // Each relationship stated is looked for among its start node's; a node of many (a paragraph citing one document
        // 50,000 times) is indexed once rather than read whole for each. The graph cannot change while it is read here.
        var lookup = new OutgoingIndexes(graph);
        if (expected.Graph.NodeCount != graph.NodeCount)
            problems.Add($"{where} holds {graph.NodeCount} nodes but the stored documents add up to {expected.Graph.NodeCount}.");
        if (expected.Graph.RelationshipCount != graph.RelationshipCount)
            problems.Add($"{where} holds {graph.RelationshipCount} relationships but the stored documents add up to {expected.Graph.RelationshipCount}.");
        // Nodes a query created without an id have no key to find them by: the counts above cover them.
        foreach (var node in expected.Graph.AllNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node.Key is not { } id) continue;
            if (!graph.TryGetNodeByKey(id, out var live))
                problems.Add($"Node {id} is stated by the stored documents but not in {where.ToLowerInvariant()}.");
            else if (!live.Labels.SequenceEqual(node.Labels) || !SameProperties(live.Properties, node.Properties))
                problems.Add($"Node {id} in {where.ToLowerInvariant()} differs from what the documents stating it add up to.");
        }
        foreach (var relationship in expected.Graph.AllRelationships())
        {
            cancellationToken.ThrowIfCancellationRequested();
            expected.Graph.TryGetNode(relationship.StartId, out var start);
            expected.Graph.TryGetNode(relationship.EndId, out var end);
            if (start.Key is null || end.Key is null) continue;
            var key = expected.KeyOf(relationship.Id);
            var name = $"{start.Key}-[{relationship.Type}]->{end.Key}{(key.Length == 0 ? "" : "#" + key)}";
            if (!graph.TryGetNodeId(start.Key!, out var liveStart) || !graph.TryGetNodeId(end.Key!, out var liveEnd)
                || !lookup.TryFind(liveStart, relationship.Type, liveEnd, key, out var liveId)
                || !graph.TryGetRelationship(liveId, out var live))
                problems.Add($"Relationship {name} is stated by the stored documents but not in {where.ToLowerInvariant()}.");
            else if (!SameProperties(live.Properties, relationship.Properties))
                problems.Add($"Relationship {name} in {where.ToLowerInvariant()} differs from what the documents stating it add up to.");
        }
    }

    private static bool SameProperties(PropertyMap a, PropertyMap b)
    {
        static byte[] Encode(PropertyMap map)
        {
            var writer = new FactWriter(256);
            writer.WriteProperties([.. map.OrderBy(p => p.Key, StringComparer.Ordinal)]);
            return writer.Written.ToArray();
        }
        return a.Count == b.Count && Encode(a).AsSpan().SequenceEqual(Encode(b));
    }
}
