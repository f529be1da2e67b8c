using Graph.Model;

namespace Graph.Store.Embedded;

public sealed partial class EmbeddedGraphStore
{
    public async ValueTask<IngestResult> IngestAsync(GraphDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return (await IngestBatchAsync([document], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Ingests several documents in one SQLite transaction, then brings memory up to date in the same
    /// order: the same end state as ingesting them one by one, without a commit per document. Every
    /// document is checked before anything is written: if one is refused (<see cref="ArgumentException"/>)
    /// or SQLite refuses the write, none of the batch is stored and memory is untouched.
    /// </summary>
    /// <exception cref="ArgumentException">A document holds a value the graph cannot; it is named and nothing is written.</exception>
    public async ValueTask<IReadOnlyList<IngestResult>> IngestBatchAsync(IReadOnlyList<GraphDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // Encoding, compressing and hashing the facts runs on every core before the write gate, leaving
        // the single writer one row per document and the merge in memory.
        var facts = Prepare(documents);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var results = new List<IngestResult>(facts.Length);
            var writes = new List<DocumentFacts>();
            var latest = new Dictionary<string, DocumentFacts>(StringComparer.Ordinal);
            foreach (var document in facts)
            {
                // A document twice in one batch: the later one is compared with the earlier, as one by one.
                var previousHash = latest.TryGetValue(document.DocumentId, out var earlier) ? earlier.Hash : _hashes.GetValueOrDefault(document.DocumentId);
                var outcome = previousHash is null ? IngestOutcome.Added
                    : previousHash.AsSpan().SequenceEqual(document.Hash) ? IngestOutcome.Unchanged
                    : IngestOutcome.Replaced;
                if (outcome != IngestOutcome.Unchanged)
                {
                    writes.Add(document);
                    latest[document.DocumentId] = document;
                }
                results.Add(new IngestResult(document.DocumentId, outcome, document.Nodes.Count, document.Relationships.Count));
            }
            if (writes.Count == 0) return results;

            // What the replaced documents stated before is read back before their rows are overwritten.
            var previous = new Dictionary<string, DocumentFacts?>(StringComparer.Ordinal);
            foreach (var id in writes.Select(w => w.DocumentId).Distinct().Where(_hashes.ContainsKey))
                previous[id] = _database.TryReadFacts(id);
            _database.Write(writes, removed: []);
            ApplyCommitted(writes.Select(w => (w.DocumentId, (DocumentFacts?)w)), previous);
            return results;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async ValueTask<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_hashes.ContainsKey(documentId)) return false;
            var previous = new Dictionary<string, DocumentFacts?>(StringComparer.Ordinal) { [documentId] = _database.TryReadFacts(documentId) };
            _database.Write([], removed: [documentId]);
            ApplyCommitted([(documentId, null)], previous);
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Encodes the documents on every core; the first refused document (in order) is thrown.</summary>
    private static DocumentFacts[] Prepare(IReadOnlyList<GraphDocument> documents)
    {
        if (documents.Count == 1) return [DocumentFacts.From(documents[0])];
        var prepared = documents.AsParallel().AsOrdered().Select(document =>
        {
            ArgumentNullException.ThrowIfNull(document);
            try
            {
                return (Facts: (DocumentFacts?)DocumentFacts.From(document), Error: (ArgumentException?)null);
            }
            catch (ArgumentException error)
            {
                return (Facts: (DocumentFacts?)null, Error: (ArgumentException?)error);
            }
        }).ToArray();
        foreach (var (_, error) in prepared)
            if (error is not null) throw error;
        return [.. prepared.Select(p => p.Facts!)];
    }

    /// <summary>
    /// Brings memory to the state just committed, documents in order, under one write lock: readers
    /// see the whole batch at once. <paramref name="previous"/> holds what each document stated before.
    /// </summary>
    private void ApplyCommitted(IEnumerable<(string Id, DocumentFacts? Facts)> changes, Dictionary<string, DocumentFacts?> previous)
    {
        using var _ = Graph.EnterWrite();
        _snapshotDirty = true;
        if (SavedWriteCount > 0) _snapshotMatchesOpen = false;
        try
        {
            foreach (var (id, facts) in changes)
            {
                _projection.Apply(id, previous.GetValueOrDefault(id), facts);
                previous[id] = facts;
                if (facts is null) _hashes.Remove(id);
                else _hashes[id] = facts.Hash;
            }
        }
        catch (InvalidOperationException error)
        {
            throw new InvalidOperationException($"The documents were stored, but memory could not take them ({error.Message}); open the store again and run `graph check`.", error);
        }
        finally
        {
            Interlocked.Exchange(ref _documentCount, _hashes.Count);
        }
        if (SearchIndex.WantsRebuild) SearchIndex.Rebuild(Graph);
    }

    internal string KeyOf(long internalId) => _projection.KeyOf(internalId);

    /// <summary>Whether who states what has been decoded (an open from the snapshot leaves it to the first write).</summary>
    internal bool IsBookkeepingLoaded => _projection.IsLoaded;
}
