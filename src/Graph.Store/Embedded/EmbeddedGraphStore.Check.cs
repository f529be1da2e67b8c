using Graph.Store.Memory;

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
        using var _ = Graph.EnterRead();
        using var __ = expected.Graph.EnterRead();
        if (expected.Graph.NodeCount != Graph.NodeCount)
            problems.Add($"Memory holds {Graph.NodeCount} nodes but the stored documents add up to {expected.Graph.NodeCount}.");
        if (expected.Graph.RelationshipCount != Graph.RelationshipCount)
            problems.Add($"Memory holds {Graph.RelationshipCount} relationships but the stored documents add up to {expected.Graph.RelationshipCount}.");
        // Nodes a query created without an id have no key to find them by: the counts above cover them.
        foreach (var node in expected.Graph.AllNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node.Key is not { } id) continue;
            if (!Graph.TryGetNodeByKey(id, out var live))
                problems.Add($"Node {id} is stated by the stored documents but not in memory.");
            else if (!live.Labels.SequenceEqual(node.Labels) || !SameProperties(live.Properties, node.Properties))
                problems.Add($"Node {id} in memory differs from what the documents stating it add up to.");
        }
        foreach (var relationship in expected.Graph.AllRelationships())
        {
            cancellationToken.ThrowIfCancellationRequested();
            expected.Graph.TryGetNode(relationship.StartId, out var start);
            expected.Graph.TryGetNode(relationship.EndId, out var end);
            if (start.Key is null || end.Key is null) continue;
            var key = expected.KeyOf(relationship.Id);
            var name = $"{start.Key}-[{relationship.Type}]->{end.Key}{(key.Length == 0 ? "" : "#" + key)}";
            if (!Graph.TryGetNodeId(start.Key!, out var liveStart) || !Graph.TryGetNodeId(end.Key!, out var liveEnd)
                || !_projection.TryFindRelationship(liveStart, relationship.Type, liveEnd, key, out var liveId)
                || !Graph.TryGetRelationship(liveId, out var live))
                problems.Add($"Relationship {name} is stated by the stored documents but not in memory.");
            else if (!SameProperties(live.Properties, relationship.Properties))
                problems.Add($"Relationship {name} in memory differs from what the documents stating it add up to.");
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
