using Graph.Model;

namespace Graph.Store.Embedded;

public sealed partial class EmbeddedGraphStore
{
    public async ValueTask<IngestResult> IngestAsync(GraphDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var facts = DocumentFacts.From(document);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var previousHash = _database.TryGetHash(document.DocumentId);
            var outcome = previousHash is null ? IngestOutcome.Added
                : previousHash == facts.Hash ? IngestOutcome.Unchanged
                : IngestOutcome.Replaced;
            if (outcome != IngestOutcome.Unchanged)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Apply(_database.Replace(document.DocumentId, facts));
                if (outcome == IngestOutcome.Added) _documentCount++;
            }
            return new IngestResult(document.DocumentId, outcome, facts.Nodes.Count, facts.Relationships.Count);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Ingests several documents in one SQLite transaction, then brings memory up to date in the same
    /// order: the same end state as ingesting them one by one, without a commit per document. If any
    /// document fails, the batch is rolled back and the documents are ingested one by one instead, so
    /// each good document still lands and the failing one throws as <see cref="IngestAsync"/> would.
    /// </summary>
    public async ValueTask<IReadOnlyList<IngestResult>> IngestBatchAsync(IReadOnlyList<GraphDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // Serialising and hashing the facts was two fifths of the writer's time in the profile: do it on
        // every core before taking the write gate, leaving the single writer only SQLite and memory.
        var facts = documents.AsParallel().AsOrdered().Select(DocumentFacts.From).ToList();
        var results = new List<IngestResult>(documents.Count);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var changes = new List<ChangeSet>(documents.Count);
            var added = 0;
            _database.BeginBatch();
            var committed = false;
            try
            {
                // A document twice in one batch: the later one wins, as it would one by one.
                for (var i = 0; i < documents.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var previousHash = _database.TryGetHash(documents[i].DocumentId);
                    var outcome = previousHash is null ? IngestOutcome.Added
                        : previousHash == facts[i].Hash ? IngestOutcome.Unchanged
                        : IngestOutcome.Replaced;
                    if (outcome != IngestOutcome.Unchanged) changes.Add(_database.Replace(documents[i].DocumentId, facts[i]));
                    if (outcome == IngestOutcome.Added) added++;
                    results.Add(new IngestResult(documents[i].DocumentId, outcome, facts[i].Nodes.Count, facts[i].Relationships.Count));
                }
                _database.EndBatch(commit: true);
                committed = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _database.EndBatch(commit: false);
                results.Clear();
            }
            finally
            {
                if (!committed) _database.EndBatch(commit: false);
            }
            if (committed)
            {
                foreach (var change in changes) Apply(change);
                _documentCount += added;
                return results;
            }
        }
        finally
        {
            _writeGate.Release();
        }
        foreach (var document in documents) results.Add(await IngestAsync(document, cancellationToken).ConfigureAwait(false));
        return results;
    }

    public async ValueTask<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_database.TryGetHash(documentId) is null) return false;
            Apply(_database.Replace(documentId, facts: null));
            _documentCount--;
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Brings memory to the committed state: relationships that went or changed first, then nodes,
    /// then relationships that are (still) there. Readers see the whole change at once.
    /// </summary>
    private void Apply(ChangeSet changes)
    {
        using var writeScope = Graph.EnterWrite();
        foreach (var (identity, merged) in changes.Relationships)
        {
            if (TryFindRelationship(identity, out var internalId))
            {
                if (merged is null)
                {
                    Graph.DeleteRelationship(internalId);
                    _relationshipKeys.Remove(internalId);
                }
                else Graph.ReplaceRelationshipProperties(internalId, PropertyJson.ReadProperties(merged.Properties));
            }
        }
        foreach (var (nodeId, merged) in changes.Nodes)
        {
            var exists = Graph.TryGetNodeId(nodeId, out var internalId);
            if (merged is null)
            {
                if (exists && Graph.TryGetNode(internalId, out var gone))
                {
                    Graph.DeleteNode(internalId, detach: true);
                    SearchIndex.Remove(gone);
                }
                continue;
            }
            if (!exists)
            {
                var createdId = Graph.CreateNode(merged.Labels, merged.Properties);
                if (Graph.TryGetNode(createdId, out var created)) SearchIndex.Write(createdId, null, created);
                continue;
            }
            Graph.TryGetNode(internalId, out var current);
            foreach (var label in current.Labels.Where(l => !merged.Labels.Contains(l)).ToList()) Graph.RemoveLabel(internalId, label);
            foreach (var label in merged.Labels) Graph.AddLabel(internalId, label);
            Graph.ReplaceNodeProperties(internalId, merged.Properties);
            if (Graph.TryGetNode(internalId, out var updated)) SearchIndex.Write(internalId, current, updated);
        }
        foreach (var (identity, merged) in changes.Relationships)
        {
            if (merged is null || TryFindRelationship(identity, out _)) continue;
            if (!Graph.TryGetNodeId(merged.Start, out var start) || !Graph.TryGetNodeId(merged.End, out var end))
                throw new InvalidOperationException($"Relationship {identity.Id} was committed without its end nodes; the store needs `graph check`.");
            var internalId = Graph.CreateRelationship(merged.Type, start, end, PropertyJson.ReadProperties(merged.Properties));
            if (merged.Key.Length > 0) _relationshipKeys[internalId] = merged.Key;
        }
        if (SearchIndex.WantsRebuild) SearchIndex.Rebuild(Graph);
    }

    /// <summary>Finds a relationship by its identity (start, type, end, key) through the start node's adjacency.</summary>
    private bool TryFindRelationship(RelationshipFact identity, out long internalId)
    {
        internalId = -1;
        if (!Graph.TryGetNodeId(identity.Start, out var start) || !Graph.TryGetNodeId(identity.End, out var end)) return false;
        foreach (var relationship in Graph.GetRelationships(start, Direction.Outgoing, [identity.Type]))
        {
            if (relationship.EndId != end) continue;
            if (KeyOf(relationship.Id) != identity.Key) continue;
            internalId = relationship.Id;
            return true;
        }
        return false;
    }

    internal string KeyOf(long internalId) => _relationshipKeys.TryGetValue(internalId, out var key) ? key : "";
}
