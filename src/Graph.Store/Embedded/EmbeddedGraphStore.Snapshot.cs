using System.Security.Cryptography;
using System.Text;
using Graph.Store.Snapshot;

namespace Graph.Store.Embedded;

public sealed partial class EmbeddedGraphStore
{
    /// <summary>Whether memory has changed since the snapshot file was last written (or read).</summary>
    private bool _snapshotDirty;

    /// <summary>
    /// False once memory may differ from what an open would make of the store: an open makes the documents first and
    /// the saved query writes after them, so a document ingested after a query wrote can end differently in memory
    /// (a query's node taken over) than on the next open. Then no snapshot is written; the next open replays.
    /// </summary>
    private bool _snapshotMatchesOpen = true;

    /// <summary>How the store was loaded when it opened: from its snapshot, or by replaying its documents (and why).</summary>
    public string OpenedFrom { get; private set; } = "";

    /// <summary>True when the store opened from its snapshot file rather than by replaying its documents.</summary>
    public bool OpenedFromSnapshot { get; private set; }

    /// <summary>Why the last snapshot could not be written (a full or read-only disk), or null.</summary>
    public string? SnapshotProblem { get; private set; }

    /// <summary>
    /// Writes the snapshot file now if memory changed since it was written: opening the store then reads it back
    /// instead of replaying every document. The store writes it by itself after a replaying open and when it closes.
    /// </summary>
    public async ValueTask WriteSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            WriteSnapshotIfDirty();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Writes the snapshot when memory changed since the last one. The caller holds the write gate.</summary>
    private void WriteSnapshotIfDirty()
    {
        if (!_snapshotDirty || !_snapshotMatchesOpen) return;
        try
        {
            var fingerprints = _database.ReadFingerprints();
            var writes = _database.ReadSavedWrites();
            // Opened without a query engine, memory lacks the saved writes: a snapshot would pass it off as whole.
            if (writes.Count > 0 && _replayWrites is null) return;
            using var _ = Graph.EnterRead();
            GraphSnapshotFile.Write(Directory, StateDigest(fingerprints), writer =>
            {
                // The saved writes memory holds: every one saved so far (the caller holds the gate, and a query
                // saves its write under the graph's write lock, which the read lock above keeps out).
                var last = writes.Count == 0 ? 0 : writes[^1].Sequence;
                writer.Write(last);
                writer.Write(SavedWritesDigest(writes, last));
                writer.WriteStrings(LoadProblems);
                writer.WriteStrings([.. fingerprints.Select(f => f.Id).Where(id => !_hashes.ContainsKey(id))]);
                _projection.WriteSnapshot(writer);
                Graph.WriteSnapshot(writer);
                SearchIndex.WriteSnapshot(writer);
            });
            _snapshotDirty = false;
            SnapshotProblem = null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The store works without a snapshot (the next open replays the documents); say why there is none.
            SnapshotProblem = $"The snapshot could not be written ({error.Message}); the next open replays the documents.";
        }
    }

    /// <summary>
    /// Loads memory from the snapshot file when it shows the stored documents and saved writes; returns what came
    /// of it. Saved writes made after the snapshot are made again on top of it. Throws (leaving this store's memory
    /// half filled, to be thrown away) only when a snapshot that passed its checksum still cannot be read.
    /// </summary>
    /// <remarks>
    /// The documents' fingerprints are read from the database on another thread meanwhile (<paramref name="fingerprints"/>,
    /// started after the saved writes were read: the database has one connection, which only that thread uses until it
    /// is done).
    /// </remarks>
    private SnapshotRead LoadSnapshot(IReadOnlyList<SavedWrite> writes, Task<List<(string Id, byte[] Hash)>> fingerprints)
    {
        long included = 0;
        string[] leftOut = [];
        var read = GraphSnapshotFile.TryRead(Directory, fingerprints.ContinueWith(done => StateDigest(done.GetAwaiter().GetResult()), TaskContinuationOptions.ExecuteSynchronously), reader =>
        {
            included = reader.ReadInt64();
            if (!reader.ReadBytes(32).AsSpan().SequenceEqual(SavedWritesDigest(writes, included)))
                throw new StaleSnapshotException("the saved writes it holds are no longer those of the store");
            if (included > 0 && _replayWrites is null)
                throw new StaleSnapshotException("it holds saved query writes, and this open has no query engine to make them");
            LoadProblems.AddRange(reader.ReadStrings());
            leftOut = reader.ReadStrings();
            using (Graph.EnterWrite())
            {
                _projection.ReadSnapshot(reader);
                Graph.ReadSnapshot(reader);
            }
            SearchIndex.ReadSnapshot(reader);
        });
        if (!read.IsLoaded) return read;
        var without = leftOut.ToHashSet(StringComparer.Ordinal);
        foreach (var (id, hash) in fingerprints.GetAwaiter().GetResult())
            if (!without.Contains(id)) _hashes[id] = hash;
        _documentCount = _hashes.Count;
        RestoreDefinitions(writes.Where(w => w.Sequence <= included));
        var later = writes.Where(w => w.Sequence > included).ToList();
        ReplaySavedWrites(Graph, Statements, LoadProblems, later);
        // The writes made again changed nodes the index read from the snapshot does not know about.
        if (later.Count > 0) SearchIndex.Rebuild(Graph);
        SavedWriteCount = writes.Count;
        _snapshotDirty = later.Count > 0;
        return read;
    }

    /// <summary>
    /// The snapshot holds what the saved writes did to the graph, not what they defined beside it (indexes and
    /// constraints): those are made again from the writes that define them.
    /// </summary>
    private void RestoreDefinitions(IEnumerable<SavedWrite> included)
    {
        if (_restoreDefinitions is null) return;
        foreach (var write in included)
        {
            try
            {
                _restoreDefinitions(Graph, write, Statements);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LoadProblems.Add($"Saved write {write.Sequence} ({Shorten(write.Statement)}) could not define again what it defined: {error.Message}");
            }
        }
    }

    /// <summary>Identifies the stored documents: every id and fingerprint, in id order.</summary>
    private static byte[] StateDigest(List<(string Id, byte[] Hash)> fingerprints)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var (id, fingerprint) in fingerprints)
        {
            var bytes = Encoding.UTF8.GetBytes(id);
            BitConverter.TryWriteBytes(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
            BitConverter.TryWriteBytes(length, fingerprint.Length);
            hash.AppendData(length);
            hash.AppendData(fingerprint);
        }
        return hash.GetHashAndReset();
    }

    /// <summary>Identifies the saved writes up to <paramref name="last"/>, so that one dropped or changed since makes the snapshot stale.</summary>
    private static byte[] SavedWritesDigest(IReadOnlyList<SavedWrite> writes, long last)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var write in writes)
        {
            if (write.Sequence > last) break;
            hash.AppendData(Encoding.UTF8.GetBytes($"{write.Sequence}\u0001{write.Statement}\u0001{write.Parameters}\u0001{write.StatementTime:O}\u0001{write.Seed}\u0002"));
        }
        return hash.GetHashAndReset();
    }

    /// <summary>A snapshot that passed its checksum but no longer fits the store (its saved writes changed).</summary>
    private sealed class StaleSnapshotException(string message) : Exception(message);
}
